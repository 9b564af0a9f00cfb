// TLS material for a test cluster, issued with the cluster PKI: one CA, one manager certificate
// per node, and a client certificate for the test/benchmark client. Written to files because
// managers read their TLS material from paths given on the command line.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClusterCa, issueNodeCertificate, nodeIdentityChecker } from '@clusterctl/ca';

export interface TestTls {
  caFile: string;
  caPem: Buffer;
  nodes: Map<number, { certFile: string; keyFile: string }>;
  clientCertPem: Buffer;
  clientKeyPem: Buffer;
  /** Node certificates name no host: clients check the cluster identity in the URI SAN instead. */
  checkServerIdentity: (host: string, cert: { raw?: Buffer }) => Error | undefined;
}

export const TEST_CLIENT_ID = 'kv-client';

export async function issueTestTls(dir: string, ids: number[], clusterId: string): Promise<TestTls> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = await createClusterCa({ clusterId });
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  const nodes = new Map<number, { certFile: string; keyFile: string }>();
  const certs = await Promise.all(
    ids.map((id) => issueNodeCertificate(ca, { nodeId: String(id), role: 'manager', clusterId })),
  );
  ids.forEach((id, i) => {
    const cert = certs[i];
    if (cert === undefined) throw new Error('missing certificate');
    const certFile = join(dir, `n${id}.crt`);
    const keyFile = join(dir, `n${id}.key`);
    writeFileSync(certFile, cert.certPem);
    writeFileSync(keyFile, cert.keyPem, { mode: 0o600 });
    nodes.set(id, { certFile, keyFile });
  });
  const client = await issueNodeCertificate(ca, { nodeId: TEST_CLIENT_ID, role: 'manager', clusterId });
  writeFileSync(join(dir, 'client.crt'), client.certPem);
  writeFileSync(join(dir, 'client.key'), client.keyPem, { mode: 0o600 });
  return {
    caFile,
    caPem: Buffer.from(ca.certPem),
    nodes,
    clientCertPem: Buffer.from(client.certPem),
    clientKeyPem: Buffer.from(client.keyPem),
    checkServerIdentity: nodeIdentityChecker({ clusterId, role: 'manager' }),
  };
}
