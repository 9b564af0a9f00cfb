import * as $protobuf from "protobufjs";
/** Namespace clusterctl. */
export namespace clusterctl {

    /** Namespace kv. */
    namespace kv {

        /** Properties of a PutRequest. */
        interface IPutRequest {

            /** PutRequest key */
            key?: (string|null);

            /** PutRequest value */
            value?: (Uint8Array|null);
        }

        /** Represents a PutRequest. */
        class PutRequest implements IPutRequest {

            /**
             * Constructs a new PutRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.kv.IPutRequest);

            /** PutRequest key. */
            public key: string;

            /** PutRequest value. */
            public value: Uint8Array;

            /**
             * Encodes the specified PutRequest message. Does not implicitly {@link clusterctl.kv.PutRequest.verify|verify} messages.
             * @param message PutRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.kv.IPutRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PutRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns PutRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.kv.PutRequest;
        }

        /** Properties of a PutResponse. */
        interface IPutResponse {

            /** PutResponse index */
            index?: (number|null);
        }

        /** Represents a PutResponse. */
        class PutResponse implements IPutResponse {

            /**
             * Constructs a new PutResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.kv.IPutResponse);

            /** PutResponse index. */
            public index: number;

            /**
             * Encodes the specified PutResponse message. Does not implicitly {@link clusterctl.kv.PutResponse.verify|verify} messages.
             * @param message PutResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.kv.IPutResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PutResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns PutResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.kv.PutResponse;
        }

        /** Properties of a GetRequest. */
        interface IGetRequest {

            /** GetRequest key */
            key?: (string|null);

            /** GetRequest serializable */
            serializable?: (boolean|null);
        }

        /** Represents a GetRequest. */
        class GetRequest implements IGetRequest {

            /**
             * Constructs a new GetRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.kv.IGetRequest);

            /** GetRequest key. */
            public key: string;

            /** GetRequest serializable. */
            public serializable: boolean;

            /**
             * Encodes the specified GetRequest message. Does not implicitly {@link clusterctl.kv.GetRequest.verify|verify} messages.
             * @param message GetRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.kv.IGetRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.kv.GetRequest;
        }

        /** Properties of a GetResponse. */
        interface IGetResponse {

            /** GetResponse found */
            found?: (boolean|null);

            /** GetResponse value */
            value?: (Uint8Array|null);

            /** GetResponse version */
            version?: (number|null);
        }

        /** Represents a GetResponse. */
        class GetResponse implements IGetResponse {

            /**
             * Constructs a new GetResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.kv.IGetResponse);

            /** GetResponse found. */
            public found: boolean;

            /** GetResponse value. */
            public value: Uint8Array;

            /** GetResponse version. */
            public version: number;

            /**
             * Encodes the specified GetResponse message. Does not implicitly {@link clusterctl.kv.GetResponse.verify|verify} messages.
             * @param message GetResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.kv.IGetResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.kv.GetResponse;
        }

        /** Properties of a StatusRequest. */
        interface IStatusRequest {
        }

        /** Represents a StatusRequest. */
        class StatusRequest implements IStatusRequest {

            /**
             * Constructs a new StatusRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.kv.IStatusRequest);

            /**
             * Encodes the specified StatusRequest message. Does not implicitly {@link clusterctl.kv.StatusRequest.verify|verify} messages.
             * @param message StatusRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.kv.IStatusRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StatusRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns StatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.kv.StatusRequest;
        }

        /** Properties of a StatusResponse. */
        interface IStatusResponse {

            /** StatusResponse id */
            id?: (number|null);

            /** StatusResponse leader */
            leader?: (number|null);

            /** StatusResponse term */
            term?: (number|null);

            /** StatusResponse commit */
            commit?: (number|null);

            /** StatusResponse applied */
            applied?: (number|null);

            /** StatusResponse role */
            role?: (string|null);

            /** StatusResponse voters */
            voters?: (number[]|null);

            /** StatusResponse learners */
            learners?: (number[]|null);
        }

        /** Represents a StatusResponse. */
        class StatusResponse implements IStatusResponse {

            /**
             * Constructs a new StatusResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.kv.IStatusResponse);

            /** StatusResponse id. */
            public id: number;

            /** StatusResponse leader. */
            public leader: number;

            /** StatusResponse term. */
            public term: number;

            /** StatusResponse commit. */
            public commit: number;

            /** StatusResponse applied. */
            public applied: number;

            /** StatusResponse role. */
            public role: string;

            /** StatusResponse voters. */
            public voters: number[];

            /** StatusResponse learners. */
            public learners: number[];

            /**
             * Encodes the specified StatusResponse message. Does not implicitly {@link clusterctl.kv.StatusResponse.verify|verify} messages.
             * @param message StatusResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.kv.IStatusResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StatusResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns StatusResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.kv.StatusResponse;
        }

        /** Represents a KV */
        class KV extends $protobuf.rpc.Service {

            /**
             * Constructs a new KV service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Calls Put.
             * @param request PutRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and PutResponse
             */
            public put(request: clusterctl.kv.IPutRequest, callback: clusterctl.kv.KV.PutCallback): void;

            /**
             * Calls Put.
             * @param request PutRequest message or plain object
             * @returns Promise
             */
            public put(request: clusterctl.kv.IPutRequest): Promise<clusterctl.kv.PutResponse>;

            /**
             * Calls Get.
             * @param request GetRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and GetResponse
             */
            public get(request: clusterctl.kv.IGetRequest, callback: clusterctl.kv.KV.GetCallback): void;

            /**
             * Calls Get.
             * @param request GetRequest message or plain object
             * @returns Promise
             */
            public get(request: clusterctl.kv.IGetRequest): Promise<clusterctl.kv.GetResponse>;

            /**
             * Calls Status.
             * @param request StatusRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and StatusResponse
             */
            public status(request: clusterctl.kv.IStatusRequest, callback: clusterctl.kv.KV.StatusCallback): void;

            /**
             * Calls Status.
             * @param request StatusRequest message or plain object
             * @returns Promise
             */
            public status(request: clusterctl.kv.IStatusRequest): Promise<clusterctl.kv.StatusResponse>;
        }

        namespace KV {

            /**
             * Callback as used by {@link clusterctl.kv.KV#put}.
             * @param error Error, if any
             * @param [response] PutResponse
             */
            type PutCallback = (error: (Error|null), response?: clusterctl.kv.PutResponse) => void;

            /**
             * Callback as used by {@link clusterctl.kv.KV#get}.
             * @param error Error, if any
             * @param [response] GetResponse
             */
            type GetCallback = (error: (Error|null), response?: clusterctl.kv.GetResponse) => void;

            /**
             * Callback as used by {@link clusterctl.kv.KV#status}.
             * @param error Error, if any
             * @param [response] StatusResponse
             */
            type StatusCallback = (error: (Error|null), response?: clusterctl.kv.StatusResponse) => void;
        }
    }

    /** Namespace raft. */
    namespace raft {

        /** Properties of an Entry. */
        interface IEntry {

            /** Entry term */
            term?: (number|null);

            /** Entry index */
            index?: (number|null);

            /** Entry type */
            type?: (number|null);

            /** Entry data */
            data?: (Uint8Array|null);
        }

        /** Represents an Entry. */
        class Entry implements IEntry {

            /**
             * Constructs a new Entry.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.raft.IEntry);

            /** Entry term. */
            public term: number;

            /** Entry index. */
            public index: number;

            /** Entry type. */
            public type: number;

            /** Entry data. */
            public data: Uint8Array;

            /**
             * Encodes the specified Entry message. Does not implicitly {@link clusterctl.raft.Entry.verify|verify} messages.
             * @param message Entry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.raft.IEntry, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.raft.Entry;
        }

        /** Properties of a ConfState. */
        interface IConfState {

            /** ConfState voters */
            voters?: (number[]|null);

            /** ConfState learners */
            learners?: (number[]|null);
        }

        /** Represents a ConfState. */
        class ConfState implements IConfState {

            /**
             * Constructs a new ConfState.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.raft.IConfState);

            /** ConfState voters. */
            public voters: number[];

            /** ConfState learners. */
            public learners: number[];

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link clusterctl.raft.ConfState.verify|verify} messages.
             * @param message ConfState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.raft.IConfState, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.raft.ConfState;
        }

        /** Properties of a SnapshotMetadata. */
        interface ISnapshotMetadata {

            /** SnapshotMetadata index */
            index?: (number|null);

            /** SnapshotMetadata term */
            term?: (number|null);

            /** SnapshotMetadata confState */
            confState?: (clusterctl.raft.IConfState|null);
        }

        /** Represents a SnapshotMetadata. */
        class SnapshotMetadata implements ISnapshotMetadata {

            /**
             * Constructs a new SnapshotMetadata.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.raft.ISnapshotMetadata);

            /** SnapshotMetadata index. */
            public index: number;

            /** SnapshotMetadata term. */
            public term: number;

            /** SnapshotMetadata confState. */
            public confState?: (clusterctl.raft.IConfState|null);

            /**
             * Encodes the specified SnapshotMetadata message. Does not implicitly {@link clusterctl.raft.SnapshotMetadata.verify|verify} messages.
             * @param message SnapshotMetadata message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.raft.ISnapshotMetadata, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotMetadata message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.raft.SnapshotMetadata;
        }

        /** Properties of a Message. */
        interface IMessage {

            /** Message type */
            type?: (number|null);

            /** Message to */
            to?: (number|null);

            /** Message from */
            from?: (number|null);

            /** Message term */
            term?: (number|null);

            /** Message logTerm */
            logTerm?: (number|null);

            /** Message index */
            index?: (number|null);

            /** Message entries */
            entries?: (clusterctl.raft.IEntry[]|null);

            /** Message commit */
            commit?: (number|null);

            /** Message reject */
            reject?: (boolean|null);

            /** Message rejectHint */
            rejectHint?: (number|null);

            /** Message context */
            context?: (Uint8Array|null);

            /** Message snapshotMetadata */
            snapshotMetadata?: (clusterctl.raft.ISnapshotMetadata|null);
        }

        /** Represents a Message. */
        class Message implements IMessage {

            /**
             * Constructs a new Message.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.raft.IMessage);

            /** Message type. */
            public type: number;

            /** Message to. */
            public to: number;

            /** Message from. */
            public from: number;

            /** Message term. */
            public term: number;

            /** Message logTerm. */
            public logTerm: number;

            /** Message index. */
            public index: number;

            /** Message entries. */
            public entries: clusterctl.raft.IEntry[];

            /** Message commit. */
            public commit: number;

            /** Message reject. */
            public reject: boolean;

            /** Message rejectHint. */
            public rejectHint: number;

            /** Message context. */
            public context: Uint8Array;

            /** Message snapshotMetadata. */
            public snapshotMetadata?: (clusterctl.raft.ISnapshotMetadata|null);

            /**
             * Encodes the specified Message message. Does not implicitly {@link clusterctl.raft.Message.verify|verify} messages.
             * @param message Message message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.raft.IMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.raft.Message;
        }

        /** Properties of a MessageBatch. */
        interface IMessageBatch {

            /** MessageBatch clusterId */
            clusterId?: (string|null);

            /** MessageBatch from */
            from?: (number|null);

            /** MessageBatch messages */
            messages?: (clusterctl.raft.IMessage[]|null);
        }

        /** Represents a MessageBatch. */
        class MessageBatch implements IMessageBatch {

            /**
             * Constructs a new MessageBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.raft.IMessageBatch);

            /** MessageBatch clusterId. */
            public clusterId: string;

            /** MessageBatch from. */
            public from: number;

            /** MessageBatch messages. */
            public messages: clusterctl.raft.IMessage[];

            /**
             * Encodes the specified MessageBatch message. Does not implicitly {@link clusterctl.raft.MessageBatch.verify|verify} messages.
             * @param message MessageBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.raft.IMessageBatch, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MessageBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns MessageBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.raft.MessageBatch;
        }

        /** Properties of a SendAck. */
        interface ISendAck {
        }

        /** Represents a SendAck. */
        class SendAck implements ISendAck {

            /**
             * Constructs a new SendAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.raft.ISendAck);

            /**
             * Encodes the specified SendAck message. Does not implicitly {@link clusterctl.raft.SendAck.verify|verify} messages.
             * @param message SendAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.raft.ISendAck, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SendAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SendAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.raft.SendAck;
        }

        /** Properties of a SnapshotChunk. */
        interface ISnapshotChunk {

            /** SnapshotChunk clusterId */
            clusterId?: (string|null);

            /** SnapshotChunk message */
            message?: (clusterctl.raft.IMessage|null);

            /** SnapshotChunk data */
            data?: (Uint8Array|null);

            /** SnapshotChunk last */
            last?: (boolean|null);
        }

        /** Represents a SnapshotChunk. */
        class SnapshotChunk implements ISnapshotChunk {

            /**
             * Constructs a new SnapshotChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.raft.ISnapshotChunk);

            /** SnapshotChunk clusterId. */
            public clusterId: string;

            /** SnapshotChunk message. */
            public message?: (clusterctl.raft.IMessage|null);

            /** SnapshotChunk data. */
            public data: Uint8Array;

            /** SnapshotChunk last. */
            public last: boolean;

            /**
             * Encodes the specified SnapshotChunk message. Does not implicitly {@link clusterctl.raft.SnapshotChunk.verify|verify} messages.
             * @param message SnapshotChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.raft.ISnapshotChunk, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.raft.SnapshotChunk;
        }

        /** Properties of a SnapshotAck. */
        interface ISnapshotAck {

            /** SnapshotAck applied */
            applied?: (boolean|null);
        }

        /** Represents a SnapshotAck. */
        class SnapshotAck implements ISnapshotAck {

            /**
             * Constructs a new SnapshotAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.raft.ISnapshotAck);

            /** SnapshotAck applied. */
            public applied: boolean;

            /**
             * Encodes the specified SnapshotAck message. Does not implicitly {@link clusterctl.raft.SnapshotAck.verify|verify} messages.
             * @param message SnapshotAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.raft.ISnapshotAck, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SnapshotAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.raft.SnapshotAck;
        }

        /** Represents a RaftTransport */
        class RaftTransport extends $protobuf.rpc.Service {

            /**
             * Constructs a new RaftTransport service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Calls Send.
             * @param request MessageBatch message or plain object
             * @param callback Node-style callback called with the error, if any, and SendAck
             */
            public send(request: clusterctl.raft.IMessageBatch, callback: clusterctl.raft.RaftTransport.SendCallback): void;

            /**
             * Calls Send.
             * @param request MessageBatch message or plain object
             * @returns Promise
             */
            public send(request: clusterctl.raft.IMessageBatch): Promise<clusterctl.raft.SendAck>;

            /**
             * Calls SendSnapshot.
             * @param request SnapshotChunk message or plain object
             * @param callback Node-style callback called with the error, if any, and SnapshotAck
             */
            public sendSnapshot(request: clusterctl.raft.ISnapshotChunk, callback: clusterctl.raft.RaftTransport.SendSnapshotCallback): void;

            /**
             * Calls SendSnapshot.
             * @param request SnapshotChunk message or plain object
             * @returns Promise
             */
            public sendSnapshot(request: clusterctl.raft.ISnapshotChunk): Promise<clusterctl.raft.SnapshotAck>;
        }

        namespace RaftTransport {

            /**
             * Callback as used by {@link clusterctl.raft.RaftTransport#send}.
             * @param error Error, if any
             * @param [response] SendAck
             */
            type SendCallback = (error: (Error|null), response?: clusterctl.raft.SendAck) => void;

            /**
             * Callback as used by {@link clusterctl.raft.RaftTransport#sendSnapshot}.
             * @param error Error, if any
             * @param [response] SnapshotAck
             */
            type SendSnapshotCallback = (error: (Error|null), response?: clusterctl.raft.SnapshotAck) => void;
        }
    }
}
