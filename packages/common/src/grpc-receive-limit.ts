// A smaller receive limit for callers without a verified client certificate, enforced before the
// body is read. grpc-js has one grpc.max_receive_message_length per server, sized for the largest
// authenticated message (raft batches, snapshots); without this, anyone who can reach a manager's
// port could make it buffer that much per call (NodeCA.Join needs a few KB). The server checks each
// message's declared length against its limit before buffering it, so the limit is lowered on the
// call as soon as it starts: an oversized message is refused with RESOURCE_EXHAUSTED
// ("Received message larger than max") and never read.

import * as grpc from '@grpc/grpc-js';
import type { Logger } from './logger.js';

/** Enough for NodeCA.Join (token, CSR, hostname, addresses) and GetRootCa with a wide margin. */
export const UNAUTHENTICATED_MAX_MESSAGE_BYTES = 64 * 1024;

/** The grpc-js server call internals the limit is set on (checked at run time). */
interface CallInternals {
  decoder?: { maxReadMessageLength?: unknown };
  maxReceiveMessageSize?: unknown;
}

/** Whether the call's connection presented a client certificate the TLS layer verified. */
function checkAuthenticated(call: grpc.ServerInterceptingCallInterface): boolean {
  try {
    return call.getAuthContext().sslPeerCertificate !== undefined;
  } catch {
    return false;
  }
}

/**
 * The call's connection (HTTP/2 session), reached through grpc-js internals; undefined when the
 * path is missing. A connection's TLS handshake, and so its verified certificate, never changes.
 */
function sessionOf(call: grpc.ServerInterceptingCallInterface): object | undefined {
  const session = (call as unknown as { stream?: { session?: unknown } }).stream?.session;
  return typeof session === 'object' && session !== null ? session : undefined;
}

/**
 * checkAuthenticated, remembered per connection: getAuthContext() builds the whole peer
 * certificate object (getPeerCertificate) on every call, which cost more than the rest of a
 * small authenticated call's handling.
 */
function authenticatedCheck(): (call: grpc.ServerInterceptingCallInterface) => boolean {
  const bySession = new WeakMap<object, boolean>();
  return (call) => {
    const session = sessionOf(call);
    if (session === undefined) return checkAuthenticated(call);
    let ok = bySession.get(session);
    if (ok === undefined) {
      ok = checkAuthenticated(call);
      bySession.set(session, ok);
    }
    return ok;
  };
}

/** Lowers the receive limit of a call that has not read anything yet; false when the internals are not there. */
export function limitCallReceive(call: grpc.ServerInterceptingCallInterface, maxBytes: number): boolean {
  const c = call as unknown as CallInternals;
  if (
    c.decoder === undefined ||
    typeof c.decoder.maxReadMessageLength !== 'number' ||
    typeof c.maxReceiveMessageSize !== 'number'
  )
    return false;
  const cap = (v: number): number => (v === -1 ? maxBytes : Math.min(v, maxBytes));
  c.decoder.maxReadMessageLength = cap(c.decoder.maxReadMessageLength);
  c.maxReceiveMessageSize = cap(c.maxReceiveMessageSize);
  return true;
}

/**
 * A server interceptor (grpc.ServerOptions.interceptors, first in the list) that limits every
 * message of a caller without a verified client certificate to `maxBytes`.
 */
export function unauthenticatedReceiveLimit(opts: { maxBytes?: number; log?: Logger } = {}): grpc.ServerInterceptor {
  const maxBytes = opts.maxBytes ?? UNAUTHENTICATED_MAX_MESSAGE_BYTES;
  let warned = false;
  const authenticated = authenticatedCheck();
  return (_method, call) => {
    if (!authenticated(call) && !limitCallReceive(call, maxBytes) && !warned) {
      warned = true;
      opts.log?.warn(
        'grpc-js server call internals not found; unauthenticated calls keep the server-wide receive limit',
      );
    }
    // Nothing to intercept beyond the limit: hand on the call itself rather than a wrapper (a
    // wrapper adds a layer of listeners to every message and status of every call). grpc-js
    // chains interceptors through the call interface only; its type asks for the wrapper class.
    return call as grpc.ServerInterceptingCall;
  };
}
