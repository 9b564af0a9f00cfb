import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleNetInput } from '../testing/network-sample.js';
import { networkMembers, renderRuleset, renderTeardown } from './nft-ruleset.js';

const GOLDEN_W1 = `table ip clusterctl {}
delete table ip clusterctl
table ip clusterctl {
	set net_netback {
		type ipv4_addr
		elements = { 10.240.0.2,
		             10.240.1.3,
		             10.240.1.9 }
	}
	set net_netdefault {
		type ipv4_addr
		elements = { 10.240.0.2,
		             10.240.1.2,
		             10.240.2.2 }
	}
	map peer_marks {
		type ether_addr : mark
		elements = { 02:42:0a:d2:01:0b : 0x00001001,
		             0e:cc:00:00:00:01 : 0x00001001,
		             0e:cc:00:00:00:03 : 0x00001003 }
	}
	map vips {
		type ipv4_addr : verdict
		elements = { 10.241.0.3 : goto svc_svcdb,
		             10.241.0.4 : goto svc_svcnone,
		             10.241.0.2 : goto svc_svcweb }
	}
	map published {
		type inet_proto . inet_service : verdict
		elements = { udp . 5353 : goto pub_svcdb_udp_5353,
		             tcp . 8080 : goto pub_svcweb_tcp_8080 }
	}
	chain mesh_pre {
		type nat hook prerouting priority -105; policy accept;
		jump mesh
	}
	chain mesh_out {
		type nat hook output priority -105; policy accept;
		ip daddr 127.0.0.0/8 return
		jump mesh
	}
	chain mesh {
		ip daddr vmap @vips
		fib daddr type local meta l4proto . th dport vmap @published
	}
	chain svc_svcdb {
		dnat to 10.240.0.2
	}
	chain pub_svcdb_udp_5353 {
		udp dport 5353 dnat to 10.240.0.2:53
	}
	chain svc_svcnone {
	}
	chain svc_svcweb {
		dnat to numgen random mod 2 map { 0 : 10.240.1.2, 1 : 10.240.2.2 }
	}
	chain pub_svcweb_tcp_8080 {
		tcp dport 8080 dnat to numgen random mod 2 map { 0 : 10.240.1.2, 1 : 10.240.2.2 } : 80
	}
	chain mark_in {
		type filter hook prerouting priority mangle; policy accept;
		iifname != "clusterctl0" ip daddr 10.240.1.0/24 ct state new ct mark set ether saddr map @peer_marks
		iifname "clusterctl0" ct mark and 0xfffff000 == 0x00001000 meta mark set ct mark
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
		ct state established,related accept
		iifname "clusterctl0" ip daddr 10.240.0.0/16 jump isolate
		ip daddr 10.241.0.0/16 reject with icmp type host-unreachable
	}
	chain isolate {
		ip saddr @net_netback ip daddr @net_netback accept
		ip saddr @net_netdefault ip daddr @net_netdefault accept
		reject with icmp type admin-prohibited
	}
	chain post {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "clusterctl0" ct status dnat ip saddr 10.240.1.0/24 ip daddr 10.240.1.0/24 masquerade
		oifname != "clusterctl0" ip saddr 10.240.1.0/24 ip daddr != 10.240.0.0/16 masquerade
	}
}
table bridge clusterctl {}
delete table bridge clusterctl
table bridge clusterctl {
	set net_netback {
		type ipv4_addr
		elements = { 10.240.0.2,
		             10.240.1.3,
		             10.240.1.9 }
	}
	set net_netdefault {
		type ipv4_addr
		elements = { 10.240.0.2,
		             10.240.1.2,
		             10.240.2.2 }
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
		ip saddr @net_netback ip daddr @net_netback accept
		ip saddr @net_netdefault ip daddr @net_netdefault accept
		ip saddr 10.240.1.0/24 ip daddr 10.240.1.0/24 drop
	}
}
`;

test('the ruleset of a node is rendered whole from the map (golden text)', () => {
  assert.equal(renderRuleset(sampleNetInput()), GOLDEN_W1);
});

test('a published port spreads over every endpoint; route=local-first keeps a node with one to its own', () => {
  const spread =
    /chain pub_svcweb_tcp_8080 {\n\t\ttcp dport 8080 dnat to numgen random mod 2 map { 0 : 10\.240\.1\.2, 1 : 10\.240\.2\.2 } : 80\n/;
  const on = (input: ReturnType<typeof sampleNetInput>, self: string, subnet: string): string =>
    renderRuleset({ ...input, selfNodeId: self, subnet, localTasks: [] });
  // the default, as Docker Swarm's routing mesh: every node, with or without a replica, spreads
  assert.match(on(sampleNetInput(), 'w2', '10.240.2.0/24'), spread);
  assert.match(on(sampleNetInput(), 'm1', '10.240.0.0/24'), spread);
  const local = sampleNetInput();
  for (const p of local.map.services[0]!.ports) p.route = 'local-first';
  assert.match(
    on(local, 'w2', '10.240.2.0/24'),
    /chain pub_svcweb_tcp_8080 {\n\t\ttcp dport 8080 dnat to 10\.240\.2\.2:80\n/,
  );
  assert.match(on(local, 'm1', '10.240.0.0/24'), spread, 'a node without a replica still spreads');
  // host-mode ports are not in the mesh
  assert.doesNotMatch(on(sampleNetInput(), 'm1', '10.240.0.0/24'), /9000/);
});

test('rendering does not depend on the order of the map', () => {
  const a = sampleNetInput();
  const b = sampleNetInput();
  b.map.services.reverse();
  b.map.nodes.reverse();
  for (const s of b.map.services) s.endpoints.reverse();
  b.localTasks.reverse();
  assert.equal(renderRuleset(a), renderRuleset(b));
});

test('network members: endpoints of the services on the network and local tasks, not other networks', () => {
  const m = networkMembers(sampleNetInput());
  assert.deepEqual(m.get('netdefault'), ['10.240.0.2', '10.240.1.2', '10.240.2.2']);
  assert.deepEqual(m.get('netback'), ['10.240.0.2', '10.240.1.3', '10.240.1.9']);
});

test('teardown removes both tables, present or not', () => {
  assert.equal(
    renderTeardown(),
    'table ip clusterctl {}\ndelete table ip clusterctl\ntable bridge clusterctl {}\ndelete table bridge clusterctl\n',
  );
});
