import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProcAddr, ListeningPortScanner, parseProcNet } from './listening-ports.js';
import { heartbeatRequest } from '../agent/session.js';

const HEAD = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
const row = (local: string, remote: string, st: string, inode: number): string =>
  `   0: ${local} ${remote} ${st} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0000000000000000 100 0 0 10 0\n`;

const TCP =
  HEAD +
  row('00000000:1F90', '00000000:0000', '0A', 101) + // 0.0.0.0:8080 listening
  row('0100007F:1F91', '00000000:0000', '0A', 102) + // 127.0.0.1:8081 loopback: left out
  row('0B01D20A:10B8', '00000000:0000', '0A', 103) + // 10.210.1.11:4280, held by the scanner's own pid
  row('0B01D20A:C350', '6501D20A:10B8', '01', 104); // an established connection: not a listener
const TCP6 =
  HEAD +
  row('00000000000000000000000000000000:1F90', '00000000000000000000000000000000:0000', '0A', 105) + // [::]:8080 again
  row('00000000000000000000000001000000:1F92', '00000000000000000000000000000000:0000', '0A', 106) + // [::1]:8082
  row('0000000000000000FFFF00000B01D20A:0016', '00000000000000000000000000000000:0000', '0A', 107); // ::ffff:10.210.1.11:22
const UDP =
  HEAD +
  row('0101F00A:0035', '00000000:0000', '07', 108) + // 10.240.1.1:53 (our DNS: own pid)
  row('00000000:14E9', '00000000:0000', '07', 109) + // 0.0.0.0:5353 bound
  row('0B01D20A:A000', '08080808:0035', '01', 110); // a connected client socket

describe('listening ports (mesh port conflicts)', () => {
  let proc: string;
  before(async () => {
    proc = await mkdtemp(join(tmpdir(), 'cctl-proc-'));
    await mkdir(join(proc, 'net'));
    await writeFile(join(proc, 'net', 'tcp'), TCP);
    await writeFile(join(proc, 'net', 'tcp6'), TCP6);
    await writeFile(join(proc, 'net', 'udp'), UDP);
    const pid = async (n: number, comm: string, inodes: number[]): Promise<void> => {
      await mkdir(join(proc, String(n), 'fd'), { recursive: true });
      await writeFile(join(proc, String(n), 'comm'), `${comm}\n`);
      let fd = 3;
      for (const i of inodes) await symlink(`socket:[${i}]`, join(proc, String(n), 'fd', String(fd++)));
      await symlink('/dev/null', join(proc, String(n), 'fd', '0'));
    };
    await pid(10, 'nginx', [101, 105]);
    await pid(20, 'node', [103, 108]);
    await pid(30, 'sshd', [107]);
    await pid(40, 'avahi-daemon', [109]);
  });
  after(async () => {
    await rm(proc, { recursive: true, force: true });
  });

  test('/proc/net addresses decode, IPv4 and IPv6', () => {
    assert.equal(decodeProcAddr('0B01D20A'), '10.210.1.11');
    assert.equal(decodeProcAddr('00000000000000000000000000000000'), '::');
    assert.equal(decodeProcAddr('00000000000000000000000001000000'), '::1');
    assert.equal(decodeProcAddr('0000000000000000FFFF00000B01D20A'), '10.210.1.11');
    assert.deepEqual(
      parseProcNet(TCP, 'tcp').map((s) => `${s.addr}:${s.port}#${s.inode}`),
      ['0.0.0.0:8080#101', '127.0.0.1:8081#102', '10.210.1.11:4280#103'],
    );
    assert.deepEqual(
      parseProcNet(UDP, 'udp').map((s) => `${s.addr}:${s.port}`),
      ['10.240.1.1:53', '0.0.0.0:5353'],
    );
  });

  test('the scan: listeners on the node own addresses, named by process, without ours or loopback, each port once', async () => {
    const scanner = new ListeningPortScanner({ procRoot: proc, selfPid: 20 });
    assert.deepEqual(await scanner.scan(), [
      { port: 22, protocol: 'tcp', addr: '10.210.1.11', process: 'sshd', pid: 30 },
      { port: 5353, protocol: 'udp', addr: '0.0.0.0', process: 'avahi-daemon', pid: 40 },
      { port: 8080, protocol: 'tcp', addr: '0.0.0.0', process: 'nginx', pid: 10 },
    ]);
    const few = new ListeningPortScanner({ procRoot: proc, selfPid: 20, max: 1 });
    assert.equal((await few.scan()).length, 1);
  });

  test('a heartbeat carries them only once known (an empty list is still a report)', () => {
    assert.deepEqual(heartbeatRequest('s1', 'd', undefined), { sessionId: 's1', certRootDigest: 'd' });
    assert.deepEqual(heartbeatRequest('s1', 'd', []), {
      sessionId: 's1',
      certRootDigest: 'd',
      listeningPorts: [],
      listeningPortsReported: true,
    });
  });
});
