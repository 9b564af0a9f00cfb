import * as $protobuf from "protobufjs";
/** Namespace clusterctl. */
export namespace clusterctl {

    /** Namespace ca. */
    namespace ca {

        /** Properties of a GetRootCaRequest. */
        interface IGetRootCaRequest {
        }

        /** Represents a GetRootCaRequest. */
        class GetRootCaRequest implements IGetRootCaRequest {

            /**
             * Constructs a new GetRootCaRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.ca.IGetRootCaRequest);

            /**
             * Encodes the specified GetRootCaRequest message. Does not implicitly {@link clusterctl.ca.GetRootCaRequest.verify|verify} messages.
             * @param message GetRootCaRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.ca.IGetRootCaRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetRootCaRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetRootCaRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.ca.GetRootCaRequest;
        }

        /** Properties of a GetRootCaResponse. */
        interface IGetRootCaResponse {

            /** GetRootCaResponse caCertPem */
            caCertPem?: (string|null);
        }

        /** Represents a GetRootCaResponse. */
        class GetRootCaResponse implements IGetRootCaResponse {

            /**
             * Constructs a new GetRootCaResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.ca.IGetRootCaResponse);

            /** GetRootCaResponse caCertPem. */
            public caCertPem: string;

            /**
             * Encodes the specified GetRootCaResponse message. Does not implicitly {@link clusterctl.ca.GetRootCaResponse.verify|verify} messages.
             * @param message GetRootCaResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.ca.IGetRootCaResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetRootCaResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetRootCaResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.ca.GetRootCaResponse;
        }

        /** Properties of a JoinRequest. */
        interface IJoinRequest {

            /** JoinRequest token */
            token?: (string|null);

            /** JoinRequest csrPem */
            csrPem?: (string|null);

            /** JoinRequest hostname */
            hostname?: (string|null);

            /** JoinRequest advertiseAddr */
            advertiseAddr?: (string|null);

            /** JoinRequest listenAddr */
            listenAddr?: (string|null);
        }

        /** Represents a JoinRequest. */
        class JoinRequest implements IJoinRequest {

            /**
             * Constructs a new JoinRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.ca.IJoinRequest);

            /** JoinRequest token. */
            public token: string;

            /** JoinRequest csrPem. */
            public csrPem: string;

            /** JoinRequest hostname. */
            public hostname: string;

            /** JoinRequest advertiseAddr. */
            public advertiseAddr: string;

            /** JoinRequest listenAddr. */
            public listenAddr: string;

            /**
             * Encodes the specified JoinRequest message. Does not implicitly {@link clusterctl.ca.JoinRequest.verify|verify} messages.
             * @param message JoinRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.ca.IJoinRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JoinRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns JoinRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.ca.JoinRequest;
        }

        /** Properties of a Peer. */
        interface IPeer {

            /** Peer raftId */
            raftId?: (number|null);

            /** Peer nodeId */
            nodeId?: (string|null);

            /** Peer addr */
            addr?: (string|null);
        }

        /** Represents a Peer. */
        class Peer implements IPeer {

            /**
             * Constructs a new Peer.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.ca.IPeer);

            /** Peer raftId. */
            public raftId: number;

            /** Peer nodeId. */
            public nodeId: string;

            /** Peer addr. */
            public addr: string;

            /**
             * Encodes the specified Peer message. Does not implicitly {@link clusterctl.ca.Peer.verify|verify} messages.
             * @param message Peer message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.ca.IPeer, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Peer message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Peer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.ca.Peer;
        }

        /** Properties of a JoinResponse. */
        interface IJoinResponse {

            /** JoinResponse nodeId */
            nodeId?: (string|null);

            /** JoinResponse role */
            role?: (string|null);

            /** JoinResponse certPem */
            certPem?: (string|null);

            /** JoinResponse caCertPem */
            caCertPem?: (string|null);

            /** JoinResponse clusterId */
            clusterId?: (string|null);

            /** JoinResponse raftId */
            raftId?: (number|null);

            /** JoinResponse managers */
            managers?: (clusterctl.ca.IPeer[]|null);
        }

        /** Represents a JoinResponse. */
        class JoinResponse implements IJoinResponse {

            /**
             * Constructs a new JoinResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.ca.IJoinResponse);

            /** JoinResponse nodeId. */
            public nodeId: string;

            /** JoinResponse role. */
            public role: string;

            /** JoinResponse certPem. */
            public certPem: string;

            /** JoinResponse caCertPem. */
            public caCertPem: string;

            /** JoinResponse clusterId. */
            public clusterId: string;

            /** JoinResponse raftId. */
            public raftId: number;

            /** JoinResponse managers. */
            public managers: clusterctl.ca.IPeer[];

            /**
             * Encodes the specified JoinResponse message. Does not implicitly {@link clusterctl.ca.JoinResponse.verify|verify} messages.
             * @param message JoinResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.ca.IJoinResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JoinResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns JoinResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.ca.JoinResponse;
        }

        /** Properties of a RenewRequest. */
        interface IRenewRequest {

            /** RenewRequest csrPem */
            csrPem?: (string|null);

            /** RenewRequest advertiseAddr */
            advertiseAddr?: (string|null);
        }

        /** Represents a RenewRequest. */
        class RenewRequest implements IRenewRequest {

            /**
             * Constructs a new RenewRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.ca.IRenewRequest);

            /** RenewRequest csrPem. */
            public csrPem: string;

            /** RenewRequest advertiseAddr. */
            public advertiseAddr: string;

            /**
             * Encodes the specified RenewRequest message. Does not implicitly {@link clusterctl.ca.RenewRequest.verify|verify} messages.
             * @param message RenewRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.ca.IRenewRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RenewRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RenewRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.ca.RenewRequest;
        }

        /** Properties of a RenewResponse. */
        interface IRenewResponse {

            /** RenewResponse certPem */
            certPem?: (string|null);

            /** RenewResponse role */
            role?: (string|null);

            /** RenewResponse raftId */
            raftId?: (number|null);

            /** RenewResponse managers */
            managers?: (clusterctl.ca.IPeer[]|null);

            /** RenewResponse caCertPem */
            caCertPem?: (string|null);
        }

        /** Represents a RenewResponse. */
        class RenewResponse implements IRenewResponse {

            /**
             * Constructs a new RenewResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.ca.IRenewResponse);

            /** RenewResponse certPem. */
            public certPem: string;

            /** RenewResponse role. */
            public role: string;

            /** RenewResponse raftId. */
            public raftId: number;

            /** RenewResponse managers. */
            public managers: clusterctl.ca.IPeer[];

            /** RenewResponse caCertPem. */
            public caCertPem: string;

            /**
             * Encodes the specified RenewResponse message. Does not implicitly {@link clusterctl.ca.RenewResponse.verify|verify} messages.
             * @param message RenewResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.ca.IRenewResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RenewResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RenewResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.ca.RenewResponse;
        }

        /** Represents a NodeCA */
        class NodeCA extends $protobuf.rpc.Service {

            /**
             * Constructs a new NodeCA service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Calls GetRootCa.
             * @param request GetRootCaRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and GetRootCaResponse
             */
            public getRootCa(request: clusterctl.ca.IGetRootCaRequest, callback: clusterctl.ca.NodeCA.GetRootCaCallback): void;

            /**
             * Calls GetRootCa.
             * @param request GetRootCaRequest message or plain object
             * @returns Promise
             */
            public getRootCa(request: clusterctl.ca.IGetRootCaRequest): Promise<clusterctl.ca.GetRootCaResponse>;

            /**
             * Calls Join.
             * @param request JoinRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and JoinResponse
             */
            public join(request: clusterctl.ca.IJoinRequest, callback: clusterctl.ca.NodeCA.JoinCallback): void;

            /**
             * Calls Join.
             * @param request JoinRequest message or plain object
             * @returns Promise
             */
            public join(request: clusterctl.ca.IJoinRequest): Promise<clusterctl.ca.JoinResponse>;

            /**
             * Calls Renew.
             * @param request RenewRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and RenewResponse
             */
            public renew(request: clusterctl.ca.IRenewRequest, callback: clusterctl.ca.NodeCA.RenewCallback): void;

            /**
             * Calls Renew.
             * @param request RenewRequest message or plain object
             * @returns Promise
             */
            public renew(request: clusterctl.ca.IRenewRequest): Promise<clusterctl.ca.RenewResponse>;
        }

        namespace NodeCA {

            /**
             * Callback as used by {@link clusterctl.ca.NodeCA#getRootCa}.
             * @param error Error, if any
             * @param [response] GetRootCaResponse
             */
            type GetRootCaCallback = (error: (Error|null), response?: clusterctl.ca.GetRootCaResponse) => void;

            /**
             * Callback as used by {@link clusterctl.ca.NodeCA#join}.
             * @param error Error, if any
             * @param [response] JoinResponse
             */
            type JoinCallback = (error: (Error|null), response?: clusterctl.ca.JoinResponse) => void;

            /**
             * Callback as used by {@link clusterctl.ca.NodeCA#renew}.
             * @param error Error, if any
             * @param [response] RenewResponse
             */
            type RenewCallback = (error: (Error|null), response?: clusterctl.ca.RenewResponse) => void;
        }
    }

    /** Namespace cluster. */
    namespace cluster {

        /** Properties of a Meta. */
        interface IMeta {

            /** Meta version */
            version?: (number|null);

            /** Meta createdAt */
            createdAt?: (number|null);

            /** Meta updatedAt */
            updatedAt?: (number|null);
        }

        /** Represents a Meta. */
        class Meta implements IMeta {

            /**
             * Constructs a new Meta.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IMeta);

            /** Meta version. */
            public version: number;

            /** Meta createdAt. */
            public createdAt: number;

            /** Meta updatedAt. */
            public updatedAt: number;

            /**
             * Encodes the specified Meta message. Does not implicitly {@link clusterctl.cluster.Meta.verify|verify} messages.
             * @param message Meta message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IMeta, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Meta message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Meta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Meta;
        }

        /** Properties of a Resources. */
        interface IResources {

            /** Resources nanoCpus */
            nanoCpus?: (number|null);

            /** Resources memoryBytes */
            memoryBytes?: (number|null);
        }

        /** Represents a Resources. */
        class Resources implements IResources {

            /**
             * Constructs a new Resources.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IResources);

            /** Resources nanoCpus. */
            public nanoCpus: number;

            /** Resources memoryBytes. */
            public memoryBytes: number;

            /**
             * Encodes the specified Resources message. Does not implicitly {@link clusterctl.cluster.Resources.verify|verify} messages.
             * @param message Resources message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IResources, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Resources message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Resources
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Resources;
        }

        /** Properties of a NodeStatus. */
        interface INodeStatus {

            /** NodeStatus state */
            state?: (string|null);

            /** NodeStatus message */
            message?: (string|null);

            /** NodeStatus timestamp */
            timestamp?: (number|null);
        }

        /** Represents a NodeStatus. */
        class NodeStatus implements INodeStatus {

            /**
             * Constructs a new NodeStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.INodeStatus);

            /** NodeStatus state. */
            public state: string;

            /** NodeStatus message. */
            public message: string;

            /** NodeStatus timestamp. */
            public timestamp: number;

            /**
             * Encodes the specified NodeStatus message. Does not implicitly {@link clusterctl.cluster.NodeStatus.verify|verify} messages.
             * @param message NodeStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.INodeStatus, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NodeStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NodeStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.NodeStatus;
        }

        /** Properties of a ManagerStatus. */
        interface IManagerStatus {

            /** ManagerStatus raftId */
            raftId?: (number|null);

            /** ManagerStatus addr */
            addr?: (string|null);

            /** ManagerStatus leader */
            leader?: (boolean|null);

            /** ManagerStatus reachability */
            reachability?: (string|null);
        }

        /** Represents a ManagerStatus. */
        class ManagerStatus implements IManagerStatus {

            /**
             * Constructs a new ManagerStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IManagerStatus);

            /** ManagerStatus raftId. */
            public raftId: number;

            /** ManagerStatus addr. */
            public addr: string;

            /** ManagerStatus leader. */
            public leader: boolean;

            /** ManagerStatus reachability. */
            public reachability: string;

            /**
             * Encodes the specified ManagerStatus message. Does not implicitly {@link clusterctl.cluster.ManagerStatus.verify|verify} messages.
             * @param message ManagerStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IManagerStatus, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ManagerStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ManagerStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.ManagerStatus;
        }

        /** Properties of a Node. */
        interface INode {

            /** Node id */
            id?: (string|null);

            /** Node meta */
            meta?: (clusterctl.cluster.IMeta|null);

            /** Node hostname */
            hostname?: (string|null);

            /** Node role */
            role?: (string|null);

            /** Node availability */
            availability?: (string|null);

            /** Node status */
            status?: (clusterctl.cluster.INodeStatus|null);

            /** Node addr */
            addr?: (string|null);

            /** Node labels */
            labels?: ({ [k: string]: string }|null);

            /** Node resources */
            resources?: (clusterctl.cluster.IResources|null);

            /** Node engineLabels */
            engineLabels?: ({ [k: string]: string }|null);

            /** Node managerStatus */
            managerStatus?: (clusterctl.cluster.IManagerStatus|null);

            /** Node os */
            os?: (string|null);

            /** Node arch */
            arch?: (string|null);

            /** Node network */
            network?: (clusterctl.cluster.INodeNetwork|null);
        }

        /** Represents a Node. */
        class Node implements INode {

            /**
             * Constructs a new Node.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.INode);

            /** Node id. */
            public id: string;

            /** Node meta. */
            public meta?: (clusterctl.cluster.IMeta|null);

            /** Node hostname. */
            public hostname: string;

            /** Node role. */
            public role: string;

            /** Node availability. */
            public availability: string;

            /** Node status. */
            public status?: (clusterctl.cluster.INodeStatus|null);

            /** Node addr. */
            public addr: string;

            /** Node labels. */
            public labels: { [k: string]: string };

            /** Node resources. */
            public resources?: (clusterctl.cluster.IResources|null);

            /** Node engineLabels. */
            public engineLabels: { [k: string]: string };

            /** Node managerStatus. */
            public managerStatus?: (clusterctl.cluster.IManagerStatus|null);

            /** Node os. */
            public os: string;

            /** Node arch. */
            public arch: string;

            /** Node network. */
            public network?: (clusterctl.cluster.INodeNetwork|null);

            /**
             * Encodes the specified Node message. Does not implicitly {@link clusterctl.cluster.Node.verify|verify} messages.
             * @param message Node message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.INode, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Node message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Node
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Node;
        }

        /** Properties of a NodeCondition. */
        interface INodeCondition {

            /** NodeCondition code */
            code?: (string|null);

            /** NodeCondition message */
            message?: (string|null);

            /** NodeCondition hint */
            hint?: (string|null);
        }

        /** Represents a NodeCondition. */
        class NodeCondition implements INodeCondition {

            /**
             * Constructs a new NodeCondition.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.INodeCondition);

            /** NodeCondition code. */
            public code: string;

            /** NodeCondition message. */
            public message: string;

            /** NodeCondition hint. */
            public hint: string;

            /**
             * Encodes the specified NodeCondition message. Does not implicitly {@link clusterctl.cluster.NodeCondition.verify|verify} messages.
             * @param message NodeCondition message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.INodeCondition, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NodeCondition message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NodeCondition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.NodeCondition;
        }

        /** Properties of a MeshPortHolder. */
        interface IMeshPortHolder {

            /** MeshPortHolder port */
            port?: (number|null);

            /** MeshPortHolder protocol */
            protocol?: (string|null);

            /** MeshPortHolder addr */
            addr?: (string|null);

            /** MeshPortHolder process */
            process?: (string|null);

            /** MeshPortHolder pid */
            pid?: (number|null);
        }

        /** Represents a MeshPortHolder. */
        class MeshPortHolder implements IMeshPortHolder {

            /**
             * Constructs a new MeshPortHolder.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IMeshPortHolder);

            /** MeshPortHolder port. */
            public port: number;

            /** MeshPortHolder protocol. */
            public protocol: string;

            /** MeshPortHolder addr. */
            public addr: string;

            /** MeshPortHolder process. */
            public process: string;

            /** MeshPortHolder pid. */
            public pid: number;

            /**
             * Encodes the specified MeshPortHolder message. Does not implicitly {@link clusterctl.cluster.MeshPortHolder.verify|verify} messages.
             * @param message MeshPortHolder message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IMeshPortHolder, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MeshPortHolder message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns MeshPortHolder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.MeshPortHolder;
        }

        /** Properties of a NetworkCapabilities. */
        interface INetworkCapabilities {

            /** NetworkCapabilities vxlan */
            vxlan?: (boolean|null);

            /** NetworkCapabilities nftables */
            nftables?: (boolean|null);

            /** NetworkCapabilities policyRouting */
            policyRouting?: (boolean|null);

            /** NetworkCapabilities conntrack */
            conntrack?: (boolean|null);

            /** NetworkCapabilities enabled */
            enabled?: (boolean|null);

            /** NetworkCapabilities conditions */
            conditions?: (clusterctl.cluster.INodeCondition[]|null);

            /** NetworkCapabilities underlayMtu */
            underlayMtu?: (number|null);
        }

        /** Represents a NetworkCapabilities. */
        class NetworkCapabilities implements INetworkCapabilities {

            /**
             * Constructs a new NetworkCapabilities.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.INetworkCapabilities);

            /** NetworkCapabilities vxlan. */
            public vxlan: boolean;

            /** NetworkCapabilities nftables. */
            public nftables: boolean;

            /** NetworkCapabilities policyRouting. */
            public policyRouting: boolean;

            /** NetworkCapabilities conntrack. */
            public conntrack: boolean;

            /** NetworkCapabilities enabled. */
            public enabled: boolean;

            /** NetworkCapabilities conditions. */
            public conditions: clusterctl.cluster.INodeCondition[];

            /** NetworkCapabilities underlayMtu. */
            public underlayMtu: number;

            /**
             * Encodes the specified NetworkCapabilities message. Does not implicitly {@link clusterctl.cluster.NetworkCapabilities.verify|verify} messages.
             * @param message NetworkCapabilities message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.INetworkCapabilities, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkCapabilities message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkCapabilities
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.NetworkCapabilities;
        }

        /** Properties of a NodeNetwork. */
        interface INodeNetwork {

            /** NodeNetwork subnet */
            subnet?: (string|null);

            /** NodeNetwork backend */
            backend?: (string|null);

            /** NodeNetwork capabilities */
            capabilities?: (clusterctl.cluster.INetworkCapabilities|null);

            /** NodeNetwork conditions */
            conditions?: (clusterctl.cluster.INodeCondition[]|null);

            /** NodeNetwork index */
            index?: (number|null);
        }

        /** Represents a NodeNetwork. */
        class NodeNetwork implements INodeNetwork {

            /**
             * Constructs a new NodeNetwork.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.INodeNetwork);

            /** NodeNetwork subnet. */
            public subnet: string;

            /** NodeNetwork backend. */
            public backend: string;

            /** NodeNetwork capabilities. */
            public capabilities?: (clusterctl.cluster.INetworkCapabilities|null);

            /** NodeNetwork conditions. */
            public conditions: clusterctl.cluster.INodeCondition[];

            /** NodeNetwork index. */
            public index: number;

            /**
             * Encodes the specified NodeNetwork message. Does not implicitly {@link clusterctl.cluster.NodeNetwork.verify|verify} messages.
             * @param message NodeNetwork message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.INodeNetwork, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NodeNetwork message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NodeNetwork
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.NodeNetwork;
        }

        /** Properties of a PortConfig. */
        interface IPortConfig {

            /** PortConfig published */
            published?: (number|null);

            /** PortConfig target */
            target?: (number|null);

            /** PortConfig protocol */
            protocol?: (string|null);

            /** PortConfig mode */
            mode?: (string|null);

            /** PortConfig route */
            route?: (string|null);
        }

        /** Represents a PortConfig. */
        class PortConfig implements IPortConfig {

            /**
             * Constructs a new PortConfig.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IPortConfig);

            /** PortConfig published. */
            public published: number;

            /** PortConfig target. */
            public target: number;

            /** PortConfig protocol. */
            public protocol: string;

            /** PortConfig mode. */
            public mode: string;

            /** PortConfig route. */
            public route: string;

            /**
             * Encodes the specified PortConfig message. Does not implicitly {@link clusterctl.cluster.PortConfig.verify|verify} messages.
             * @param message PortConfig message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IPortConfig, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PortConfig message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns PortConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.PortConfig;
        }

        /** Properties of a RestartPolicy. */
        interface IRestartPolicy {

            /** RestartPolicy condition */
            condition?: (string|null);

            /** RestartPolicy delayMs */
            delayMs?: (number|null);

            /** RestartPolicy maxAttempts */
            maxAttempts?: (number|null);

            /** RestartPolicy windowMs */
            windowMs?: (number|null);
        }

        /** Represents a RestartPolicy. */
        class RestartPolicy implements IRestartPolicy {

            /**
             * Constructs a new RestartPolicy.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IRestartPolicy);

            /** RestartPolicy condition. */
            public condition: string;

            /** RestartPolicy delayMs. */
            public delayMs: number;

            /** RestartPolicy maxAttempts. */
            public maxAttempts: number;

            /** RestartPolicy windowMs. */
            public windowMs: number;

            /**
             * Encodes the specified RestartPolicy message. Does not implicitly {@link clusterctl.cluster.RestartPolicy.verify|verify} messages.
             * @param message RestartPolicy message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IRestartPolicy, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RestartPolicy message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RestartPolicy
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.RestartPolicy;
        }

        /** Properties of a HealthCheck. */
        interface IHealthCheck {

            /** HealthCheck test */
            test?: (string[]|null);

            /** HealthCheck httpPort */
            httpPort?: (number|null);

            /** HealthCheck httpPath */
            httpPath?: (string|null);

            /** HealthCheck tcpPort */
            tcpPort?: (number|null);

            /** HealthCheck intervalMs */
            intervalMs?: (number|null);

            /** HealthCheck timeoutMs */
            timeoutMs?: (number|null);

            /** HealthCheck retries */
            retries?: (number|null);

            /** HealthCheck startPeriodMs */
            startPeriodMs?: (number|null);
        }

        /** Represents a HealthCheck. */
        class HealthCheck implements IHealthCheck {

            /**
             * Constructs a new HealthCheck.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IHealthCheck);

            /** HealthCheck test. */
            public test: string[];

            /** HealthCheck httpPort. */
            public httpPort: number;

            /** HealthCheck httpPath. */
            public httpPath: string;

            /** HealthCheck tcpPort. */
            public tcpPort: number;

            /** HealthCheck intervalMs. */
            public intervalMs: number;

            /** HealthCheck timeoutMs. */
            public timeoutMs: number;

            /** HealthCheck retries. */
            public retries: number;

            /** HealthCheck startPeriodMs. */
            public startPeriodMs: number;

            /**
             * Encodes the specified HealthCheck message. Does not implicitly {@link clusterctl.cluster.HealthCheck.verify|verify} messages.
             * @param message HealthCheck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IHealthCheck, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HealthCheck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns HealthCheck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.HealthCheck;
        }

        /** Properties of a ServiceSpec. */
        interface IServiceSpec {

            /** ServiceSpec name */
            name?: (string|null);

            /** ServiceSpec image */
            image?: (string|null);

            /** ServiceSpec command */
            command?: (string[]|null);

            /** ServiceSpec env */
            env?: (string[]|null);

            /** ServiceSpec labels */
            labels?: ({ [k: string]: string }|null);

            /** ServiceSpec mode */
            mode?: (string|null);

            /** ServiceSpec replicas */
            replicas?: (number|null);

            /** ServiceSpec constraints */
            constraints?: (string[]|null);

            /** ServiceSpec reservations */
            reservations?: (clusterctl.cluster.IResources|null);

            /** ServiceSpec limits */
            limits?: (clusterctl.cluster.IResources|null);

            /** ServiceSpec ports */
            ports?: (clusterctl.cluster.IPortConfig[]|null);

            /** ServiceSpec restartPolicy */
            restartPolicy?: (clusterctl.cluster.IRestartPolicy|null);

            /** ServiceSpec networks */
            networks?: (string[]|null);

            /** ServiceSpec endpointMode */
            endpointMode?: (string|null);

            /** ServiceSpec healthcheck */
            healthcheck?: (clusterctl.cluster.IHealthCheck|null);

            /** ServiceSpec stopGracePeriodMs */
            stopGracePeriodMs?: (number|null);

            /** ServiceSpec hasStopGracePeriod */
            hasStopGracePeriod?: (boolean|null);

            /** ServiceSpec stopSignal */
            stopSignal?: (string|null);

            /** ServiceSpec updateConfig */
            updateConfig?: (clusterctl.cluster.IUpdateConfig|null);

            /** ServiceSpec rollbackConfig */
            rollbackConfig?: (clusterctl.cluster.IUpdateConfig|null);

            /** ServiceSpec mounts */
            mounts?: (clusterctl.cluster.IMount[]|null);

            /** ServiceSpec entrypoint */
            entrypoint?: (string[]|null);

            /** ServiceSpec workdir */
            workdir?: (string|null);

            /** ServiceSpec user */
            user?: (string|null);

            /** ServiceSpec hostname */
            hostname?: (string|null);

            /** ServiceSpec init */
            init?: (boolean|null);

            /** ServiceSpec readOnly */
            readOnly?: (boolean|null);

            /** ServiceSpec capAdd */
            capAdd?: (string[]|null);

            /** ServiceSpec capDrop */
            capDrop?: (string[]|null);

            /** ServiceSpec ulimits */
            ulimits?: (clusterctl.cluster.IUlimit[]|null);

            /** ServiceSpec sysctls */
            sysctls?: ({ [k: string]: string }|null);

            /** ServiceSpec groups */
            groups?: (string[]|null);

            /** ServiceSpec containerLabels */
            containerLabels?: ({ [k: string]: string }|null);

            /** ServiceSpec tty */
            tty?: (boolean|null);

            /** ServiceSpec logDriver */
            logDriver?: (clusterctl.cluster.ILogDriver|null);

            /** ServiceSpec secrets */
            secrets?: (clusterctl.cluster.IFileReference[]|null);

            /** ServiceSpec configs */
            configs?: (clusterctl.cluster.IFileReference[]|null);

            /** ServiceSpec autoscale */
            autoscale?: (clusterctl.cluster.IAutoscaleConfig|null);

            /** ServiceSpec rebalance */
            rebalance?: (boolean|null);

            /** ServiceSpec networkAliases */
            networkAliases?: (clusterctl.cluster.IStackNetworkAliases[]|null);

            /** ServiceSpec imageId */
            imageId?: (string|null);
        }

        /** Represents a ServiceSpec. */
        class ServiceSpec implements IServiceSpec {

            /**
             * Constructs a new ServiceSpec.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IServiceSpec);

            /** ServiceSpec name. */
            public name: string;

            /** ServiceSpec image. */
            public image: string;

            /** ServiceSpec command. */
            public command: string[];

            /** ServiceSpec env. */
            public env: string[];

            /** ServiceSpec labels. */
            public labels: { [k: string]: string };

            /** ServiceSpec mode. */
            public mode: string;

            /** ServiceSpec replicas. */
            public replicas: number;

            /** ServiceSpec constraints. */
            public constraints: string[];

            /** ServiceSpec reservations. */
            public reservations?: (clusterctl.cluster.IResources|null);

            /** ServiceSpec limits. */
            public limits?: (clusterctl.cluster.IResources|null);

            /** ServiceSpec ports. */
            public ports: clusterctl.cluster.IPortConfig[];

            /** ServiceSpec restartPolicy. */
            public restartPolicy?: (clusterctl.cluster.IRestartPolicy|null);

            /** ServiceSpec networks. */
            public networks: string[];

            /** ServiceSpec endpointMode. */
            public endpointMode: string;

            /** ServiceSpec healthcheck. */
            public healthcheck?: (clusterctl.cluster.IHealthCheck|null);

            /** ServiceSpec stopGracePeriodMs. */
            public stopGracePeriodMs: number;

            /** ServiceSpec hasStopGracePeriod. */
            public hasStopGracePeriod: boolean;

            /** ServiceSpec stopSignal. */
            public stopSignal: string;

            /** ServiceSpec updateConfig. */
            public updateConfig?: (clusterctl.cluster.IUpdateConfig|null);

            /** ServiceSpec rollbackConfig. */
            public rollbackConfig?: (clusterctl.cluster.IUpdateConfig|null);

            /** ServiceSpec mounts. */
            public mounts: clusterctl.cluster.IMount[];

            /** ServiceSpec entrypoint. */
            public entrypoint: string[];

            /** ServiceSpec workdir. */
            public workdir: string;

            /** ServiceSpec user. */
            public user: string;

            /** ServiceSpec hostname. */
            public hostname: string;

            /** ServiceSpec init. */
            public init: boolean;

            /** ServiceSpec readOnly. */
            public readOnly: boolean;

            /** ServiceSpec capAdd. */
            public capAdd: string[];

            /** ServiceSpec capDrop. */
            public capDrop: string[];

            /** ServiceSpec ulimits. */
            public ulimits: clusterctl.cluster.IUlimit[];

            /** ServiceSpec sysctls. */
            public sysctls: { [k: string]: string };

            /** ServiceSpec groups. */
            public groups: string[];

            /** ServiceSpec containerLabels. */
            public containerLabels: { [k: string]: string };

            /** ServiceSpec tty. */
            public tty: boolean;

            /** ServiceSpec logDriver. */
            public logDriver?: (clusterctl.cluster.ILogDriver|null);

            /** ServiceSpec secrets. */
            public secrets: clusterctl.cluster.IFileReference[];

            /** ServiceSpec configs. */
            public configs: clusterctl.cluster.IFileReference[];

            /** ServiceSpec autoscale. */
            public autoscale?: (clusterctl.cluster.IAutoscaleConfig|null);

            /** ServiceSpec rebalance. */
            public rebalance: boolean;

            /** ServiceSpec networkAliases. */
            public networkAliases: clusterctl.cluster.IStackNetworkAliases[];

            /** ServiceSpec imageId. */
            public imageId: string;

            /**
             * Encodes the specified ServiceSpec message. Does not implicitly {@link clusterctl.cluster.ServiceSpec.verify|verify} messages.
             * @param message ServiceSpec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IServiceSpec, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServiceSpec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ServiceSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.ServiceSpec;
        }

        /** Properties of an AutoscaleConfig. */
        interface IAutoscaleConfig {

            /** AutoscaleConfig minReplicas */
            minReplicas?: (number|null);

            /** AutoscaleConfig maxReplicas */
            maxReplicas?: (number|null);

            /** AutoscaleConfig targetCpuPercent */
            targetCpuPercent?: (number|null);

            /** AutoscaleConfig scaleUpWindowMs */
            scaleUpWindowMs?: (number|null);

            /** AutoscaleConfig scaleDownWindowMs */
            scaleDownWindowMs?: (number|null);

            /** AutoscaleConfig hasWindows */
            hasWindows?: (boolean|null);
        }

        /** Represents an AutoscaleConfig. */
        class AutoscaleConfig implements IAutoscaleConfig {

            /**
             * Constructs a new AutoscaleConfig.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IAutoscaleConfig);

            /** AutoscaleConfig minReplicas. */
            public minReplicas: number;

            /** AutoscaleConfig maxReplicas. */
            public maxReplicas: number;

            /** AutoscaleConfig targetCpuPercent. */
            public targetCpuPercent: number;

            /** AutoscaleConfig scaleUpWindowMs. */
            public scaleUpWindowMs: number;

            /** AutoscaleConfig scaleDownWindowMs. */
            public scaleDownWindowMs: number;

            /** AutoscaleConfig hasWindows. */
            public hasWindows: boolean;

            /**
             * Encodes the specified AutoscaleConfig message. Does not implicitly {@link clusterctl.cluster.AutoscaleConfig.verify|verify} messages.
             * @param message AutoscaleConfig message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IAutoscaleConfig, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AutoscaleConfig message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns AutoscaleConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.AutoscaleConfig;
        }

        /** Properties of a Mount. */
        interface IMount {

            /** Mount type */
            type?: (string|null);

            /** Mount source */
            source?: (string|null);

            /** Mount target */
            target?: (string|null);

            /** Mount readOnly */
            readOnly?: (boolean|null);

            /** Mount bindPropagation */
            bindPropagation?: (string|null);

            /** Mount volumeDriver */
            volumeDriver?: (string|null);

            /** Mount volumeOptions */
            volumeOptions?: ({ [k: string]: string }|null);

            /** Mount volumeLabels */
            volumeLabels?: ({ [k: string]: string }|null);

            /** Mount volumeNocopy */
            volumeNocopy?: (boolean|null);

            /** Mount tmpfsSizeBytes */
            tmpfsSizeBytes?: (number|null);

            /** Mount tmpfsMode */
            tmpfsMode?: (number|null);
        }

        /** Represents a Mount. */
        class Mount implements IMount {

            /**
             * Constructs a new Mount.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IMount);

            /** Mount type. */
            public type: string;

            /** Mount source. */
            public source: string;

            /** Mount target. */
            public target: string;

            /** Mount readOnly. */
            public readOnly: boolean;

            /** Mount bindPropagation. */
            public bindPropagation: string;

            /** Mount volumeDriver. */
            public volumeDriver: string;

            /** Mount volumeOptions. */
            public volumeOptions: { [k: string]: string };

            /** Mount volumeLabels. */
            public volumeLabels: { [k: string]: string };

            /** Mount volumeNocopy. */
            public volumeNocopy: boolean;

            /** Mount tmpfsSizeBytes. */
            public tmpfsSizeBytes: number;

            /** Mount tmpfsMode. */
            public tmpfsMode: number;

            /**
             * Encodes the specified Mount message. Does not implicitly {@link clusterctl.cluster.Mount.verify|verify} messages.
             * @param message Mount message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IMount, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Mount message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Mount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Mount;
        }

        /** Properties of an Ulimit. */
        interface IUlimit {

            /** Ulimit name */
            name?: (string|null);

            /** Ulimit soft */
            soft?: (number|null);

            /** Ulimit hard */
            hard?: (number|null);
        }

        /** Represents an Ulimit. */
        class Ulimit implements IUlimit {

            /**
             * Constructs a new Ulimit.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IUlimit);

            /** Ulimit name. */
            public name: string;

            /** Ulimit soft. */
            public soft: number;

            /** Ulimit hard. */
            public hard: number;

            /**
             * Encodes the specified Ulimit message. Does not implicitly {@link clusterctl.cluster.Ulimit.verify|verify} messages.
             * @param message Ulimit message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IUlimit, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Ulimit message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Ulimit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Ulimit;
        }

        /** Properties of a LogDriver. */
        interface ILogDriver {

            /** LogDriver name */
            name?: (string|null);

            /** LogDriver options */
            options?: ({ [k: string]: string }|null);
        }

        /** Represents a LogDriver. */
        class LogDriver implements ILogDriver {

            /**
             * Constructs a new LogDriver.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.ILogDriver);

            /** LogDriver name. */
            public name: string;

            /** LogDriver options. */
            public options: { [k: string]: string };

            /**
             * Encodes the specified LogDriver message. Does not implicitly {@link clusterctl.cluster.LogDriver.verify|verify} messages.
             * @param message LogDriver message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.ILogDriver, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogDriver message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LogDriver
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.LogDriver;
        }

        /** Properties of a StackNetworkAliases. */
        interface IStackNetworkAliases {

            /** StackNetworkAliases network */
            network?: (string|null);

            /** StackNetworkAliases aliases */
            aliases?: (string[]|null);
        }

        /** Represents a StackNetworkAliases. */
        class StackNetworkAliases implements IStackNetworkAliases {

            /**
             * Constructs a new StackNetworkAliases.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IStackNetworkAliases);

            /** StackNetworkAliases network. */
            public network: string;

            /** StackNetworkAliases aliases. */
            public aliases: string[];

            /**
             * Encodes the specified StackNetworkAliases message. Does not implicitly {@link clusterctl.cluster.StackNetworkAliases.verify|verify} messages.
             * @param message StackNetworkAliases message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IStackNetworkAliases, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StackNetworkAliases message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns StackNetworkAliases
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.StackNetworkAliases;
        }

        /** Properties of a FileReference. */
        interface IFileReference {

            /** FileReference id */
            id?: (string|null);

            /** FileReference name */
            name?: (string|null);

            /** FileReference target */
            target?: (string|null);

            /** FileReference uid */
            uid?: (string|null);

            /** FileReference gid */
            gid?: (string|null);

            /** FileReference mode */
            mode?: (number|null);
        }

        /** Represents a FileReference. */
        class FileReference implements IFileReference {

            /**
             * Constructs a new FileReference.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IFileReference);

            /** FileReference id. */
            public id: string;

            /** FileReference name. */
            public name: string;

            /** FileReference target. */
            public target: string;

            /** FileReference uid. */
            public uid: string;

            /** FileReference gid. */
            public gid: string;

            /** FileReference mode. */
            public mode: number;

            /**
             * Encodes the specified FileReference message. Does not implicitly {@link clusterctl.cluster.FileReference.verify|verify} messages.
             * @param message FileReference message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IFileReference, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileReference message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns FileReference
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.FileReference;
        }

        /** Properties of a Secret. */
        interface ISecret {

            /** Secret id */
            id?: (string|null);

            /** Secret meta */
            meta?: (clusterctl.cluster.IMeta|null);

            /** Secret name */
            name?: (string|null);

            /** Secret labels */
            labels?: ({ [k: string]: string }|null);
        }

        /** Represents a Secret. */
        class Secret implements ISecret {

            /**
             * Constructs a new Secret.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.ISecret);

            /** Secret id. */
            public id: string;

            /** Secret meta. */
            public meta?: (clusterctl.cluster.IMeta|null);

            /** Secret name. */
            public name: string;

            /** Secret labels. */
            public labels: { [k: string]: string };

            /**
             * Encodes the specified Secret message. Does not implicitly {@link clusterctl.cluster.Secret.verify|verify} messages.
             * @param message Secret message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.ISecret, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Secret message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Secret
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Secret;
        }

        /** Properties of a Config. */
        interface IConfig {

            /** Config id */
            id?: (string|null);

            /** Config meta */
            meta?: (clusterctl.cluster.IMeta|null);

            /** Config name */
            name?: (string|null);

            /** Config labels */
            labels?: ({ [k: string]: string }|null);

            /** Config data */
            data?: (Uint8Array|null);
        }

        /** Represents a Config. */
        class Config implements IConfig {

            /**
             * Constructs a new Config.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IConfig);

            /** Config id. */
            public id: string;

            /** Config meta. */
            public meta?: (clusterctl.cluster.IMeta|null);

            /** Config name. */
            public name: string;

            /** Config labels. */
            public labels: { [k: string]: string };

            /** Config data. */
            public data: Uint8Array;

            /**
             * Encodes the specified Config message. Does not implicitly {@link clusterctl.cluster.Config.verify|verify} messages.
             * @param message Config message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IConfig, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Config message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Config
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Config;
        }

        /** Properties of an UpdateConfig. */
        interface IUpdateConfig {

            /** UpdateConfig parallelism */
            parallelism?: (number|null);

            /** UpdateConfig delayMs */
            delayMs?: (number|null);

            /** UpdateConfig order */
            order?: (string|null);

            /** UpdateConfig failureAction */
            failureAction?: (string|null);

            /** UpdateConfig monitorMs */
            monitorMs?: (number|null);

            /** UpdateConfig maxFailureRatio */
            maxFailureRatio?: (number|null);
        }

        /** Represents an UpdateConfig. */
        class UpdateConfig implements IUpdateConfig {

            /**
             * Constructs a new UpdateConfig.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IUpdateConfig);

            /** UpdateConfig parallelism. */
            public parallelism: number;

            /** UpdateConfig delayMs. */
            public delayMs: number;

            /** UpdateConfig order. */
            public order: string;

            /** UpdateConfig failureAction. */
            public failureAction: string;

            /** UpdateConfig monitorMs. */
            public monitorMs: number;

            /** UpdateConfig maxFailureRatio. */
            public maxFailureRatio: number;

            /**
             * Encodes the specified UpdateConfig message. Does not implicitly {@link clusterctl.cluster.UpdateConfig.verify|verify} messages.
             * @param message UpdateConfig message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IUpdateConfig, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateConfig message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UpdateConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.UpdateConfig;
        }

        /** Properties of an UpdateStatus. */
        interface IUpdateStatus {

            /** UpdateStatus state */
            state?: (string|null);

            /** UpdateStatus startedAt */
            startedAt?: (number|null);

            /** UpdateStatus completedAt */
            completedAt?: (number|null);

            /** UpdateStatus message */
            message?: (string|null);
        }

        /** Represents an UpdateStatus. */
        class UpdateStatus implements IUpdateStatus {

            /**
             * Constructs a new UpdateStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IUpdateStatus);

            /** UpdateStatus state. */
            public state: string;

            /** UpdateStatus startedAt. */
            public startedAt: number;

            /** UpdateStatus completedAt. */
            public completedAt: number;

            /** UpdateStatus message. */
            public message: string;

            /**
             * Encodes the specified UpdateStatus message. Does not implicitly {@link clusterctl.cluster.UpdateStatus.verify|verify} messages.
             * @param message UpdateStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IUpdateStatus, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UpdateStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.UpdateStatus;
        }

        /** Properties of a Service. */
        interface IService {

            /** Service id */
            id?: (string|null);

            /** Service meta */
            meta?: (clusterctl.cluster.IMeta|null);

            /** Service spec */
            spec?: (clusterctl.cluster.IServiceSpec|null);

            /** Service updateStatus */
            updateStatus?: (clusterctl.cluster.IUpdateStatus|null);

            /** Service previousSpec */
            previousSpec?: (clusterctl.cluster.IServiceSpec|null);

            /** Service endpoint */
            endpoint?: (clusterctl.cluster.IServiceEndpoint|null);

            /** Service autoscaleStatus */
            autoscaleStatus?: (clusterctl.cluster.IAutoscaleStatus|null);
        }

        /** Represents a Service. */
        class Service implements IService {

            /**
             * Constructs a new Service.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IService);

            /** Service id. */
            public id: string;

            /** Service meta. */
            public meta?: (clusterctl.cluster.IMeta|null);

            /** Service spec. */
            public spec?: (clusterctl.cluster.IServiceSpec|null);

            /** Service updateStatus. */
            public updateStatus?: (clusterctl.cluster.IUpdateStatus|null);

            /** Service previousSpec. */
            public previousSpec?: (clusterctl.cluster.IServiceSpec|null);

            /** Service endpoint. */
            public endpoint?: (clusterctl.cluster.IServiceEndpoint|null);

            /** Service autoscaleStatus. */
            public autoscaleStatus?: (clusterctl.cluster.IAutoscaleStatus|null);

            /**
             * Encodes the specified Service message. Does not implicitly {@link clusterctl.cluster.Service.verify|verify} messages.
             * @param message Service message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IService, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Service message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Service
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Service;
        }

        /** Properties of an AutoscaleStatus. */
        interface IAutoscaleStatus {

            /** AutoscaleStatus replicas */
            replicas?: (number|null);

            /** AutoscaleStatus previousReplicas */
            previousReplicas?: (number|null);

            /** AutoscaleStatus cpuPercent */
            cpuPercent?: (number|null);

            /** AutoscaleStatus reason */
            reason?: (string|null);

            /** AutoscaleStatus decidedAt */
            decidedAt?: (number|null);
        }

        /** Represents an AutoscaleStatus. */
        class AutoscaleStatus implements IAutoscaleStatus {

            /**
             * Constructs a new AutoscaleStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IAutoscaleStatus);

            /** AutoscaleStatus replicas. */
            public replicas: number;

            /** AutoscaleStatus previousReplicas. */
            public previousReplicas: number;

            /** AutoscaleStatus cpuPercent. */
            public cpuPercent: number;

            /** AutoscaleStatus reason. */
            public reason: string;

            /** AutoscaleStatus decidedAt. */
            public decidedAt: number;

            /**
             * Encodes the specified AutoscaleStatus message. Does not implicitly {@link clusterctl.cluster.AutoscaleStatus.verify|verify} messages.
             * @param message AutoscaleStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IAutoscaleStatus, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AutoscaleStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns AutoscaleStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.AutoscaleStatus;
        }

        /** Properties of a ServiceEndpoint. */
        interface IServiceEndpoint {

            /** ServiceEndpoint virtualIps */
            virtualIps?: (clusterctl.cluster.IServiceVirtualIp[]|null);

            /** ServiceEndpoint ports */
            ports?: (clusterctl.cluster.IPortConfig[]|null);
        }

        /** Represents a ServiceEndpoint. */
        class ServiceEndpoint implements IServiceEndpoint {

            /**
             * Constructs a new ServiceEndpoint.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IServiceEndpoint);

            /** ServiceEndpoint virtualIps. */
            public virtualIps: clusterctl.cluster.IServiceVirtualIp[];

            /** ServiceEndpoint ports. */
            public ports: clusterctl.cluster.IPortConfig[];

            /**
             * Encodes the specified ServiceEndpoint message. Does not implicitly {@link clusterctl.cluster.ServiceEndpoint.verify|verify} messages.
             * @param message ServiceEndpoint message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IServiceEndpoint, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServiceEndpoint message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ServiceEndpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.ServiceEndpoint;
        }

        /** Properties of a ServiceVirtualIp. */
        interface IServiceVirtualIp {

            /** ServiceVirtualIp networkId */
            networkId?: (string|null);

            /** ServiceVirtualIp addr */
            addr?: (string|null);
        }

        /** Represents a ServiceVirtualIp. */
        class ServiceVirtualIp implements IServiceVirtualIp {

            /**
             * Constructs a new ServiceVirtualIp.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.IServiceVirtualIp);

            /** ServiceVirtualIp networkId. */
            public networkId: string;

            /** ServiceVirtualIp addr. */
            public addr: string;

            /**
             * Encodes the specified ServiceVirtualIp message. Does not implicitly {@link clusterctl.cluster.ServiceVirtualIp.verify|verify} messages.
             * @param message ServiceVirtualIp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.IServiceVirtualIp, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServiceVirtualIp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ServiceVirtualIp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.ServiceVirtualIp;
        }

        /** Properties of a Network. */
        interface INetwork {

            /** Network id */
            id?: (string|null);

            /** Network meta */
            meta?: (clusterctl.cluster.IMeta|null);

            /** Network spec */
            spec?: (clusterctl.cluster.INetworkSpec|null);
        }

        /** Represents a Network. */
        class Network implements INetwork {

            /**
             * Constructs a new Network.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.INetwork);

            /** Network id. */
            public id: string;

            /** Network meta. */
            public meta?: (clusterctl.cluster.IMeta|null);

            /** Network spec. */
            public spec?: (clusterctl.cluster.INetworkSpec|null);

            /**
             * Encodes the specified Network message. Does not implicitly {@link clusterctl.cluster.Network.verify|verify} messages.
             * @param message Network message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.INetwork, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Network message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Network
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Network;
        }

        /** Properties of a NetworkSpec. */
        interface INetworkSpec {

            /** NetworkSpec name */
            name?: (string|null);

            /** NetworkSpec labels */
            labels?: ({ [k: string]: string }|null);

            /** NetworkSpec driver */
            driver?: (string|null);
        }

        /** Represents a NetworkSpec. */
        class NetworkSpec implements INetworkSpec {

            /**
             * Constructs a new NetworkSpec.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.INetworkSpec);

            /** NetworkSpec name. */
            public name: string;

            /** NetworkSpec labels. */
            public labels: { [k: string]: string };

            /** NetworkSpec driver. */
            public driver: string;

            /**
             * Encodes the specified NetworkSpec message. Does not implicitly {@link clusterctl.cluster.NetworkSpec.verify|verify} messages.
             * @param message NetworkSpec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.INetworkSpec, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkSpec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.NetworkSpec;
        }

        /** Properties of a TaskStatus. */
        interface ITaskStatus {

            /** TaskStatus state */
            state?: (string|null);

            /** TaskStatus message */
            message?: (string|null);

            /** TaskStatus timestamp */
            timestamp?: (number|null);

            /** TaskStatus containerId */
            containerId?: (string|null);

            /** TaskStatus exitCode */
            exitCode?: (number|null);

            /** TaskStatus hasExitCode */
            hasExitCode?: (boolean|null);

            /** TaskStatus err */
            err?: (string|null);

            /** TaskStatus health */
            health?: (string|null);

            /** TaskStatus healthMessage */
            healthMessage?: (string|null);

            /** TaskStatus ip */
            ip?: (string|null);

            /** TaskStatus imageId */
            imageId?: (string|null);
        }

        /** Represents a TaskStatus. */
        class TaskStatus implements ITaskStatus {

            /**
             * Constructs a new TaskStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.ITaskStatus);

            /** TaskStatus state. */
            public state: string;

            /** TaskStatus message. */
            public message: string;

            /** TaskStatus timestamp. */
            public timestamp: number;

            /** TaskStatus containerId. */
            public containerId: string;

            /** TaskStatus exitCode. */
            public exitCode: number;

            /** TaskStatus hasExitCode. */
            public hasExitCode: boolean;

            /** TaskStatus err. */
            public err: string;

            /** TaskStatus health. */
            public health: string;

            /** TaskStatus healthMessage. */
            public healthMessage: string;

            /** TaskStatus ip. */
            public ip: string;

            /** TaskStatus imageId. */
            public imageId: string;

            /**
             * Encodes the specified TaskStatus message. Does not implicitly {@link clusterctl.cluster.TaskStatus.verify|verify} messages.
             * @param message TaskStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.ITaskStatus, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TaskStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.TaskStatus;
        }

        /** Properties of a Task. */
        interface ITask {

            /** Task id */
            id?: (string|null);

            /** Task meta */
            meta?: (clusterctl.cluster.IMeta|null);

            /** Task serviceId */
            serviceId?: (string|null);

            /** Task slot */
            slot?: (number|null);

            /** Task nodeId */
            nodeId?: (string|null);

            /** Task desiredState */
            desiredState?: (string|null);

            /** Task status */
            status?: (clusterctl.cluster.ITaskStatus|null);

            /** Task spec */
            spec?: (clusterctl.cluster.IServiceSpec|null);

            /** Task serviceVersion */
            serviceVersion?: (number|null);
        }

        /** Represents a Task. */
        class Task implements ITask {

            /**
             * Constructs a new Task.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.cluster.ITask);

            /** Task id. */
            public id: string;

            /** Task meta. */
            public meta?: (clusterctl.cluster.IMeta|null);

            /** Task serviceId. */
            public serviceId: string;

            /** Task slot. */
            public slot: number;

            /** Task nodeId. */
            public nodeId: string;

            /** Task desiredState. */
            public desiredState: string;

            /** Task status. */
            public status?: (clusterctl.cluster.ITaskStatus|null);

            /** Task spec. */
            public spec?: (clusterctl.cluster.IServiceSpec|null);

            /** Task serviceVersion. */
            public serviceVersion: number;

            /**
             * Encodes the specified Task message. Does not implicitly {@link clusterctl.cluster.Task.verify|verify} messages.
             * @param message Task message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.cluster.ITask, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Task message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Task
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.cluster.Task;
        }
    }

    /** Namespace control. */
    namespace control {

        /** Properties of a GetNodeRequest. */
        interface IGetNodeRequest {

            /** GetNodeRequest node */
            node?: (string|null);
        }

        /** Represents a GetNodeRequest. */
        class GetNodeRequest implements IGetNodeRequest {

            /**
             * Constructs a new GetNodeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IGetNodeRequest);

            /** GetNodeRequest node. */
            public node: string;

            /**
             * Encodes the specified GetNodeRequest message. Does not implicitly {@link clusterctl.control.GetNodeRequest.verify|verify} messages.
             * @param message GetNodeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IGetNodeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetNodeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetNodeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.GetNodeRequest;
        }

        /** Properties of a ListNodesRequest. */
        interface IListNodesRequest {

            /** ListNodesRequest filters */
            filters?: ({ [k: string]: string }|null);
        }

        /** Represents a ListNodesRequest. */
        class ListNodesRequest implements IListNodesRequest {

            /**
             * Constructs a new ListNodesRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListNodesRequest);

            /** ListNodesRequest filters. */
            public filters: { [k: string]: string };

            /**
             * Encodes the specified ListNodesRequest message. Does not implicitly {@link clusterctl.control.ListNodesRequest.verify|verify} messages.
             * @param message ListNodesRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListNodesRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListNodesRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListNodesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListNodesRequest;
        }

        /** Properties of a ListNodesResponse. */
        interface IListNodesResponse {

            /** ListNodesResponse nodes */
            nodes?: (clusterctl.cluster.INode[]|null);
        }

        /** Represents a ListNodesResponse. */
        class ListNodesResponse implements IListNodesResponse {

            /**
             * Constructs a new ListNodesResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListNodesResponse);

            /** ListNodesResponse nodes. */
            public nodes: clusterctl.cluster.INode[];

            /**
             * Encodes the specified ListNodesResponse message. Does not implicitly {@link clusterctl.control.ListNodesResponse.verify|verify} messages.
             * @param message ListNodesResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListNodesResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListNodesResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListNodesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListNodesResponse;
        }

        /** Properties of an UpdateNodeRequest. */
        interface IUpdateNodeRequest {

            /** UpdateNodeRequest node */
            node?: (string|null);

            /** UpdateNodeRequest version */
            version?: (number|null);

            /** UpdateNodeRequest availability */
            availability?: (string|null);

            /** UpdateNodeRequest labelAdd */
            labelAdd?: ({ [k: string]: string }|null);

            /** UpdateNodeRequest labelRm */
            labelRm?: (string[]|null);

            /** UpdateNodeRequest role */
            role?: (string|null);
        }

        /** Represents an UpdateNodeRequest. */
        class UpdateNodeRequest implements IUpdateNodeRequest {

            /**
             * Constructs a new UpdateNodeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IUpdateNodeRequest);

            /** UpdateNodeRequest node. */
            public node: string;

            /** UpdateNodeRequest version. */
            public version: number;

            /** UpdateNodeRequest availability. */
            public availability: string;

            /** UpdateNodeRequest labelAdd. */
            public labelAdd: { [k: string]: string };

            /** UpdateNodeRequest labelRm. */
            public labelRm: string[];

            /** UpdateNodeRequest role. */
            public role: string;

            /**
             * Encodes the specified UpdateNodeRequest message. Does not implicitly {@link clusterctl.control.UpdateNodeRequest.verify|verify} messages.
             * @param message UpdateNodeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IUpdateNodeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateNodeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UpdateNodeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.UpdateNodeRequest;
        }

        /** Properties of a RemoveNodeRequest. */
        interface IRemoveNodeRequest {

            /** RemoveNodeRequest node */
            node?: (string|null);

            /** RemoveNodeRequest force */
            force?: (boolean|null);
        }

        /** Represents a RemoveNodeRequest. */
        class RemoveNodeRequest implements IRemoveNodeRequest {

            /**
             * Constructs a new RemoveNodeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IRemoveNodeRequest);

            /** RemoveNodeRequest node. */
            public node: string;

            /** RemoveNodeRequest force. */
            public force: boolean;

            /**
             * Encodes the specified RemoveNodeRequest message. Does not implicitly {@link clusterctl.control.RemoveNodeRequest.verify|verify} messages.
             * @param message RemoveNodeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IRemoveNodeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RemoveNodeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RemoveNodeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.RemoveNodeRequest;
        }

        /** Properties of an Empty. */
        interface IEmpty {
        }

        /** Represents an Empty. */
        class Empty implements IEmpty {

            /**
             * Constructs a new Empty.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IEmpty);

            /**
             * Encodes the specified Empty message. Does not implicitly {@link clusterctl.control.Empty.verify|verify} messages.
             * @param message Empty message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IEmpty, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Empty message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Empty
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.Empty;
        }

        /** Properties of an UpdateConfig. */
        interface IUpdateConfig {

            /** UpdateConfig parallelism */
            parallelism?: (number|null);

            /** UpdateConfig delayMs */
            delayMs?: (number|null);

            /** UpdateConfig order */
            order?: (string|null);
        }

        /** Represents an UpdateConfig. */
        class UpdateConfig implements IUpdateConfig {

            /**
             * Constructs a new UpdateConfig.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IUpdateConfig);

            /** UpdateConfig parallelism. */
            public parallelism: number;

            /** UpdateConfig delayMs. */
            public delayMs: number;

            /** UpdateConfig order. */
            public order: string;

            /**
             * Encodes the specified UpdateConfig message. Does not implicitly {@link clusterctl.control.UpdateConfig.verify|verify} messages.
             * @param message UpdateConfig message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IUpdateConfig, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateConfig message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UpdateConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.UpdateConfig;
        }

        /** Properties of a CreateServiceRequest. */
        interface ICreateServiceRequest {

            /** CreateServiceRequest spec */
            spec?: (clusterctl.cluster.IServiceSpec|null);

            /** CreateServiceRequest updateConfig */
            updateConfig?: (clusterctl.control.IUpdateConfig|null);
        }

        /** Represents a CreateServiceRequest. */
        class CreateServiceRequest implements ICreateServiceRequest {

            /**
             * Constructs a new CreateServiceRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.ICreateServiceRequest);

            /** CreateServiceRequest spec. */
            public spec?: (clusterctl.cluster.IServiceSpec|null);

            /** CreateServiceRequest updateConfig. */
            public updateConfig?: (clusterctl.control.IUpdateConfig|null);

            /**
             * Encodes the specified CreateServiceRequest message. Does not implicitly {@link clusterctl.control.CreateServiceRequest.verify|verify} messages.
             * @param message CreateServiceRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.ICreateServiceRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CreateServiceRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns CreateServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.CreateServiceRequest;
        }

        /** Properties of a GetServiceRequest. */
        interface IGetServiceRequest {

            /** GetServiceRequest service */
            service?: (string|null);
        }

        /** Represents a GetServiceRequest. */
        class GetServiceRequest implements IGetServiceRequest {

            /**
             * Constructs a new GetServiceRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IGetServiceRequest);

            /** GetServiceRequest service. */
            public service: string;

            /**
             * Encodes the specified GetServiceRequest message. Does not implicitly {@link clusterctl.control.GetServiceRequest.verify|verify} messages.
             * @param message GetServiceRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IGetServiceRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetServiceRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.GetServiceRequest;
        }

        /** Properties of a ListServicesRequest. */
        interface IListServicesRequest {

            /** ListServicesRequest filters */
            filters?: ({ [k: string]: string }|null);

            /** ListServicesRequest pageToken */
            pageToken?: (string|null);

            /** ListServicesRequest pageSize */
            pageSize?: (number|null);
        }

        /** Represents a ListServicesRequest. */
        class ListServicesRequest implements IListServicesRequest {

            /**
             * Constructs a new ListServicesRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListServicesRequest);

            /** ListServicesRequest filters. */
            public filters: { [k: string]: string };

            /** ListServicesRequest pageToken. */
            public pageToken: string;

            /** ListServicesRequest pageSize. */
            public pageSize: number;

            /**
             * Encodes the specified ListServicesRequest message. Does not implicitly {@link clusterctl.control.ListServicesRequest.verify|verify} messages.
             * @param message ListServicesRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListServicesRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListServicesRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListServicesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListServicesRequest;
        }

        /** Properties of a ServiceSummary. */
        interface IServiceSummary {

            /** ServiceSummary service */
            service?: (clusterctl.cluster.IService|null);

            /** ServiceSummary running */
            running?: (number|null);

            /** ServiceSummary desired */
            desired?: (number|null);

            /** ServiceSummary updateConfig */
            updateConfig?: (clusterctl.control.IUpdateConfig|null);
        }

        /** Represents a ServiceSummary. */
        class ServiceSummary implements IServiceSummary {

            /**
             * Constructs a new ServiceSummary.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IServiceSummary);

            /** ServiceSummary service. */
            public service?: (clusterctl.cluster.IService|null);

            /** ServiceSummary running. */
            public running: number;

            /** ServiceSummary desired. */
            public desired: number;

            /** ServiceSummary updateConfig. */
            public updateConfig?: (clusterctl.control.IUpdateConfig|null);

            /**
             * Encodes the specified ServiceSummary message. Does not implicitly {@link clusterctl.control.ServiceSummary.verify|verify} messages.
             * @param message ServiceSummary message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IServiceSummary, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServiceSummary message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ServiceSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ServiceSummary;
        }

        /** Properties of a ListServicesResponse. */
        interface IListServicesResponse {

            /** ListServicesResponse services */
            services?: (clusterctl.control.IServiceSummary[]|null);

            /** ListServicesResponse nextPageToken */
            nextPageToken?: (string|null);
        }

        /** Represents a ListServicesResponse. */
        class ListServicesResponse implements IListServicesResponse {

            /**
             * Constructs a new ListServicesResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListServicesResponse);

            /** ListServicesResponse services. */
            public services: clusterctl.control.IServiceSummary[];

            /** ListServicesResponse nextPageToken. */
            public nextPageToken: string;

            /**
             * Encodes the specified ListServicesResponse message. Does not implicitly {@link clusterctl.control.ListServicesResponse.verify|verify} messages.
             * @param message ListServicesResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListServicesResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListServicesResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListServicesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListServicesResponse;
        }

        /** Properties of a ScaleServiceRequest. */
        interface IScaleServiceRequest {

            /** ScaleServiceRequest service */
            service?: (string|null);

            /** ScaleServiceRequest replicas */
            replicas?: (number|null);
        }

        /** Represents a ScaleServiceRequest. */
        class ScaleServiceRequest implements IScaleServiceRequest {

            /**
             * Constructs a new ScaleServiceRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IScaleServiceRequest);

            /** ScaleServiceRequest service. */
            public service: string;

            /** ScaleServiceRequest replicas. */
            public replicas: number;

            /**
             * Encodes the specified ScaleServiceRequest message. Does not implicitly {@link clusterctl.control.ScaleServiceRequest.verify|verify} messages.
             * @param message ScaleServiceRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IScaleServiceRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ScaleServiceRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ScaleServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ScaleServiceRequest;
        }

        /** Properties of an UpdateServiceRequest. */
        interface IUpdateServiceRequest {

            /** UpdateServiceRequest service */
            service?: (string|null);

            /** UpdateServiceRequest version */
            version?: (number|null);

            /** UpdateServiceRequest spec */
            spec?: (clusterctl.cluster.IServiceSpec|null);

            /** UpdateServiceRequest force */
            force?: (boolean|null);

            /** UpdateServiceRequest updateConfig */
            updateConfig?: (clusterctl.control.IUpdateConfig|null);

            /** UpdateServiceRequest rollback */
            rollback?: (boolean|null);
        }

        /** Represents an UpdateServiceRequest. */
        class UpdateServiceRequest implements IUpdateServiceRequest {

            /**
             * Constructs a new UpdateServiceRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IUpdateServiceRequest);

            /** UpdateServiceRequest service. */
            public service: string;

            /** UpdateServiceRequest version. */
            public version: number;

            /** UpdateServiceRequest spec. */
            public spec?: (clusterctl.cluster.IServiceSpec|null);

            /** UpdateServiceRequest force. */
            public force: boolean;

            /** UpdateServiceRequest updateConfig. */
            public updateConfig?: (clusterctl.control.IUpdateConfig|null);

            /** UpdateServiceRequest rollback. */
            public rollback: boolean;

            /**
             * Encodes the specified UpdateServiceRequest message. Does not implicitly {@link clusterctl.control.UpdateServiceRequest.verify|verify} messages.
             * @param message UpdateServiceRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IUpdateServiceRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateServiceRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UpdateServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.UpdateServiceRequest;
        }

        /** Properties of a RemoveServiceRequest. */
        interface IRemoveServiceRequest {

            /** RemoveServiceRequest service */
            service?: (string|null);
        }

        /** Represents a RemoveServiceRequest. */
        class RemoveServiceRequest implements IRemoveServiceRequest {

            /**
             * Constructs a new RemoveServiceRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IRemoveServiceRequest);

            /** RemoveServiceRequest service. */
            public service: string;

            /**
             * Encodes the specified RemoveServiceRequest message. Does not implicitly {@link clusterctl.control.RemoveServiceRequest.verify|verify} messages.
             * @param message RemoveServiceRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IRemoveServiceRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RemoveServiceRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RemoveServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.RemoveServiceRequest;
        }

        /** Properties of a ListTasksRequest. */
        interface IListTasksRequest {

            /** ListTasksRequest service */
            service?: (string|null);

            /** ListTasksRequest node */
            node?: (string|null);

            /** ListTasksRequest all */
            all?: (boolean|null);
        }

        /** Represents a ListTasksRequest. */
        class ListTasksRequest implements IListTasksRequest {

            /**
             * Constructs a new ListTasksRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListTasksRequest);

            /** ListTasksRequest service. */
            public service: string;

            /** ListTasksRequest node. */
            public node: string;

            /** ListTasksRequest all. */
            public all: boolean;

            /**
             * Encodes the specified ListTasksRequest message. Does not implicitly {@link clusterctl.control.ListTasksRequest.verify|verify} messages.
             * @param message ListTasksRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListTasksRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListTasksRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListTasksRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListTasksRequest;
        }

        /** Properties of a ListTasksResponse. */
        interface IListTasksResponse {

            /** ListTasksResponse tasks */
            tasks?: (clusterctl.cluster.ITask[]|null);
        }

        /** Represents a ListTasksResponse. */
        class ListTasksResponse implements IListTasksResponse {

            /**
             * Constructs a new ListTasksResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListTasksResponse);

            /** ListTasksResponse tasks. */
            public tasks: clusterctl.cluster.ITask[];

            /**
             * Encodes the specified ListTasksResponse message. Does not implicitly {@link clusterctl.control.ListTasksResponse.verify|verify} messages.
             * @param message ListTasksResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListTasksResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListTasksResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListTasksResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListTasksResponse;
        }

        /** Properties of a ServiceLogsRequest. */
        interface IServiceLogsRequest {

            /** ServiceLogsRequest service */
            service?: (string|null);

            /** ServiceLogsRequest follow */
            follow?: (boolean|null);

            /** ServiceLogsRequest tail */
            tail?: (number|null);
        }

        /** Represents a ServiceLogsRequest. */
        class ServiceLogsRequest implements IServiceLogsRequest {

            /**
             * Constructs a new ServiceLogsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IServiceLogsRequest);

            /** ServiceLogsRequest service. */
            public service: string;

            /** ServiceLogsRequest follow. */
            public follow: boolean;

            /** ServiceLogsRequest tail. */
            public tail: number;

            /**
             * Encodes the specified ServiceLogsRequest message. Does not implicitly {@link clusterctl.control.ServiceLogsRequest.verify|verify} messages.
             * @param message ServiceLogsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IServiceLogsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServiceLogsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ServiceLogsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ServiceLogsRequest;
        }

        /** Properties of a LogLine. */
        interface ILogLine {

            /** LogLine taskId */
            taskId?: (string|null);

            /** LogLine slot */
            slot?: (number|null);

            /** LogLine nodeId */
            nodeId?: (string|null);

            /** LogLine stream */
            stream?: (string|null);

            /** LogLine timestamp */
            timestamp?: (number|null);

            /** LogLine line */
            line?: (Uint8Array|null);
        }

        /** Represents a LogLine. */
        class LogLine implements ILogLine {

            /**
             * Constructs a new LogLine.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.ILogLine);

            /** LogLine taskId. */
            public taskId: string;

            /** LogLine slot. */
            public slot: number;

            /** LogLine nodeId. */
            public nodeId: string;

            /** LogLine stream. */
            public stream: string;

            /** LogLine timestamp. */
            public timestamp: number;

            /** LogLine line. */
            public line: Uint8Array;

            /**
             * Encodes the specified LogLine message. Does not implicitly {@link clusterctl.control.LogLine.verify|verify} messages.
             * @param message LogLine message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.ILogLine, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogLine message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LogLine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.LogLine;
        }

        /** Properties of an EventsRequest. */
        interface IEventsRequest {

            /** EventsRequest since */
            since?: (number|null);

            /** EventsRequest until */
            until?: (number|null);

            /** EventsRequest resume */
            resume?: (boolean|null);

            /** EventsRequest afterIndex */
            afterIndex?: (number|null);

            /** EventsRequest afterSeq */
            afterSeq?: (number|null);

            /** EventsRequest filters */
            filters?: (clusterctl.control.IEventFilter[]|null);
        }

        /** Represents an EventsRequest. */
        class EventsRequest implements IEventsRequest {

            /**
             * Constructs a new EventsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IEventsRequest);

            /** EventsRequest since. */
            public since: number;

            /** EventsRequest until. */
            public until: number;

            /** EventsRequest resume. */
            public resume: boolean;

            /** EventsRequest afterIndex. */
            public afterIndex: number;

            /** EventsRequest afterSeq. */
            public afterSeq: number;

            /** EventsRequest filters. */
            public filters: clusterctl.control.IEventFilter[];

            /**
             * Encodes the specified EventsRequest message. Does not implicitly {@link clusterctl.control.EventsRequest.verify|verify} messages.
             * @param message EventsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IEventsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EventsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns EventsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.EventsRequest;
        }

        /** Properties of an EventFilter. */
        interface IEventFilter {

            /** EventFilter key */
            key?: (string|null);

            /** EventFilter value */
            value?: (string|null);
        }

        /** Represents an EventFilter. */
        class EventFilter implements IEventFilter {

            /**
             * Constructs a new EventFilter.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IEventFilter);

            /** EventFilter key. */
            public key: string;

            /** EventFilter value. */
            public value: string;

            /**
             * Encodes the specified EventFilter message. Does not implicitly {@link clusterctl.control.EventFilter.verify|verify} messages.
             * @param message EventFilter message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IEventFilter, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EventFilter message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns EventFilter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.EventFilter;
        }

        /** Properties of a ClusterEvent. */
        interface IClusterEvent {

            /** ClusterEvent index */
            index?: (number|null);

            /** ClusterEvent seq */
            seq?: (number|null);

            /** ClusterEvent time */
            time?: (number|null);

            /** ClusterEvent type */
            type?: (string|null);

            /** ClusterEvent action */
            action?: (string|null);

            /** ClusterEvent id */
            id?: (string|null);

            /** ClusterEvent name */
            name?: (string|null);

            /** ClusterEvent attributes */
            attributes?: ({ [k: string]: string }|null);
        }

        /** Represents a ClusterEvent. */
        class ClusterEvent implements IClusterEvent {

            /**
             * Constructs a new ClusterEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IClusterEvent);

            /** ClusterEvent index. */
            public index: number;

            /** ClusterEvent seq. */
            public seq: number;

            /** ClusterEvent time. */
            public time: number;

            /** ClusterEvent type. */
            public type: string;

            /** ClusterEvent action. */
            public action: string;

            /** ClusterEvent id. */
            public id: string;

            /** ClusterEvent name. */
            public name: string;

            /** ClusterEvent attributes. */
            public attributes: { [k: string]: string };

            /**
             * Encodes the specified ClusterEvent message. Does not implicitly {@link clusterctl.control.ClusterEvent.verify|verify} messages.
             * @param message ClusterEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IClusterEvent, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClusterEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ClusterEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ClusterEvent;
        }

        /** Properties of an EventsMessage. */
        interface IEventsMessage {

            /** EventsMessage event */
            event?: (clusterctl.control.IClusterEvent|null);

            /** EventsMessage positionIndex */
            positionIndex?: (number|null);
        }

        /** Represents an EventsMessage. */
        class EventsMessage implements IEventsMessage {

            /**
             * Constructs a new EventsMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IEventsMessage);

            /** EventsMessage event. */
            public event?: (clusterctl.control.IClusterEvent|null);

            /** EventsMessage positionIndex. */
            public positionIndex: number;

            /**
             * Encodes the specified EventsMessage message. Does not implicitly {@link clusterctl.control.EventsMessage.verify|verify} messages.
             * @param message EventsMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IEventsMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EventsMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns EventsMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.EventsMessage;
        }

        /** Properties of a JoinTokenRequest. */
        interface IJoinTokenRequest {

            /** JoinTokenRequest role */
            role?: (string|null);

            /** JoinTokenRequest rotate */
            rotate?: (boolean|null);
        }

        /** Represents a JoinTokenRequest. */
        class JoinTokenRequest implements IJoinTokenRequest {

            /**
             * Constructs a new JoinTokenRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IJoinTokenRequest);

            /** JoinTokenRequest role. */
            public role: string;

            /** JoinTokenRequest rotate. */
            public rotate: boolean;

            /**
             * Encodes the specified JoinTokenRequest message. Does not implicitly {@link clusterctl.control.JoinTokenRequest.verify|verify} messages.
             * @param message JoinTokenRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IJoinTokenRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JoinTokenRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns JoinTokenRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.JoinTokenRequest;
        }

        /** Properties of a JoinTokenResponse. */
        interface IJoinTokenResponse {

            /** JoinTokenResponse token */
            token?: (string|null);

            /** JoinTokenResponse managerAddr */
            managerAddr?: (string|null);
        }

        /** Represents a JoinTokenResponse. */
        class JoinTokenResponse implements IJoinTokenResponse {

            /**
             * Constructs a new JoinTokenResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IJoinTokenResponse);

            /** JoinTokenResponse token. */
            public token: string;

            /** JoinTokenResponse managerAddr. */
            public managerAddr: string;

            /**
             * Encodes the specified JoinTokenResponse message. Does not implicitly {@link clusterctl.control.JoinTokenResponse.verify|verify} messages.
             * @param message JoinTokenResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IJoinTokenResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JoinTokenResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns JoinTokenResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.JoinTokenResponse;
        }

        /** Properties of a ClusterInfo. */
        interface IClusterInfo {

            /** ClusterInfo clusterId */
            clusterId?: (string|null);

            /** ClusterInfo leaderNodeId */
            leaderNodeId?: (string|null);

            /** ClusterInfo heartbeatPeriodMs */
            heartbeatPeriodMs?: (number|null);

            /** ClusterInfo nodeGraceMs */
            nodeGraceMs?: (number|null);

            /** ClusterInfo managers */
            managers?: (clusterctl.cluster.IManagerStatus[]|null);

            /** ClusterInfo taskHistoryLimit */
            taskHistoryLimit?: (number|null);

            /** ClusterInfo nodeCertExpiryMs */
            nodeCertExpiryMs?: (number|null);

            /** ClusterInfo version */
            version?: (number|null);

            /** ClusterInfo createdAt */
            createdAt?: (number|null);

            /** ClusterInfo updatedAt */
            updatedAt?: (number|null);

            /** ClusterInfo rootCaExpiresAt */
            rootCaExpiresAt?: (number|null);

            /** ClusterInfo rootCaDigest */
            rootCaDigest?: (string|null);

            /** ClusterInfo rootCaCertPem */
            rootCaCertPem?: (string|null);

            /** ClusterInfo rootRotation */
            rootRotation?: (clusterctl.control.IRootRotation|null);

            /** ClusterInfo network */
            network?: (clusterctl.control.IClusterNetwork|null);

            /** ClusterInfo autolock */
            autolock?: (boolean|null);

            /** ClusterInfo dashboardTokensNotBefore */
            dashboardTokensNotBefore?: (number|null);
        }

        /** Represents a ClusterInfo. */
        class ClusterInfo implements IClusterInfo {

            /**
             * Constructs a new ClusterInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IClusterInfo);

            /** ClusterInfo clusterId. */
            public clusterId: string;

            /** ClusterInfo leaderNodeId. */
            public leaderNodeId: string;

            /** ClusterInfo heartbeatPeriodMs. */
            public heartbeatPeriodMs: number;

            /** ClusterInfo nodeGraceMs. */
            public nodeGraceMs: number;

            /** ClusterInfo managers. */
            public managers: clusterctl.cluster.IManagerStatus[];

            /** ClusterInfo taskHistoryLimit. */
            public taskHistoryLimit: number;

            /** ClusterInfo nodeCertExpiryMs. */
            public nodeCertExpiryMs: number;

            /** ClusterInfo version. */
            public version: number;

            /** ClusterInfo createdAt. */
            public createdAt: number;

            /** ClusterInfo updatedAt. */
            public updatedAt: number;

            /** ClusterInfo rootCaExpiresAt. */
            public rootCaExpiresAt: number;

            /** ClusterInfo rootCaDigest. */
            public rootCaDigest: string;

            /** ClusterInfo rootCaCertPem. */
            public rootCaCertPem: string;

            /** ClusterInfo rootRotation. */
            public rootRotation?: (clusterctl.control.IRootRotation|null);

            /** ClusterInfo network. */
            public network?: (clusterctl.control.IClusterNetwork|null);

            /** ClusterInfo autolock. */
            public autolock: boolean;

            /** ClusterInfo dashboardTokensNotBefore. */
            public dashboardTokensNotBefore: number;

            /**
             * Encodes the specified ClusterInfo message. Does not implicitly {@link clusterctl.control.ClusterInfo.verify|verify} messages.
             * @param message ClusterInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IClusterInfo, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClusterInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ClusterInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ClusterInfo;
        }

        /** Properties of a ClusterNetwork. */
        interface IClusterNetwork {

            /** ClusterNetwork clusterCidr */
            clusterCidr?: (string|null);

            /** ClusterNetwork vipCidr */
            vipCidr?: (string|null);

            /** ClusterNetwork nodeSubnetBits */
            nodeSubnetBits?: (number|null);

            /** ClusterNetwork backend */
            backend?: (string|null);

            /** ClusterNetwork vxlanPort */
            vxlanPort?: (number|null);

            /** ClusterNetwork mtu */
            mtu?: (number|null);

            /** ClusterNetwork dnsDomain */
            dnsDomain?: (string|null);
        }

        /** Represents a ClusterNetwork. */
        class ClusterNetwork implements IClusterNetwork {

            /**
             * Constructs a new ClusterNetwork.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IClusterNetwork);

            /** ClusterNetwork clusterCidr. */
            public clusterCidr: string;

            /** ClusterNetwork vipCidr. */
            public vipCidr: string;

            /** ClusterNetwork nodeSubnetBits. */
            public nodeSubnetBits: number;

            /** ClusterNetwork backend. */
            public backend: string;

            /** ClusterNetwork vxlanPort. */
            public vxlanPort: number;

            /** ClusterNetwork mtu. */
            public mtu: number;

            /** ClusterNetwork dnsDomain. */
            public dnsDomain: string;

            /**
             * Encodes the specified ClusterNetwork message. Does not implicitly {@link clusterctl.control.ClusterNetwork.verify|verify} messages.
             * @param message ClusterNetwork message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IClusterNetwork, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClusterNetwork message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ClusterNetwork
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ClusterNetwork;
        }

        /** Properties of a CreateNetworkRequest. */
        interface ICreateNetworkRequest {

            /** CreateNetworkRequest spec */
            spec?: (clusterctl.cluster.INetworkSpec|null);
        }

        /** Represents a CreateNetworkRequest. */
        class CreateNetworkRequest implements ICreateNetworkRequest {

            /**
             * Constructs a new CreateNetworkRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.ICreateNetworkRequest);

            /** CreateNetworkRequest spec. */
            public spec?: (clusterctl.cluster.INetworkSpec|null);

            /**
             * Encodes the specified CreateNetworkRequest message. Does not implicitly {@link clusterctl.control.CreateNetworkRequest.verify|verify} messages.
             * @param message CreateNetworkRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.ICreateNetworkRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CreateNetworkRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns CreateNetworkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.CreateNetworkRequest;
        }

        /** Properties of a GetNetworkRequest. */
        interface IGetNetworkRequest {

            /** GetNetworkRequest network */
            network?: (string|null);
        }

        /** Represents a GetNetworkRequest. */
        class GetNetworkRequest implements IGetNetworkRequest {

            /**
             * Constructs a new GetNetworkRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IGetNetworkRequest);

            /** GetNetworkRequest network. */
            public network: string;

            /**
             * Encodes the specified GetNetworkRequest message. Does not implicitly {@link clusterctl.control.GetNetworkRequest.verify|verify} messages.
             * @param message GetNetworkRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IGetNetworkRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetNetworkRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetNetworkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.GetNetworkRequest;
        }

        /** Properties of a ListNetworksRequest. */
        interface IListNetworksRequest {

            /** ListNetworksRequest filters */
            filters?: ({ [k: string]: string }|null);
        }

        /** Represents a ListNetworksRequest. */
        class ListNetworksRequest implements IListNetworksRequest {

            /**
             * Constructs a new ListNetworksRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListNetworksRequest);

            /** ListNetworksRequest filters. */
            public filters: { [k: string]: string };

            /**
             * Encodes the specified ListNetworksRequest message. Does not implicitly {@link clusterctl.control.ListNetworksRequest.verify|verify} messages.
             * @param message ListNetworksRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListNetworksRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListNetworksRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListNetworksRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListNetworksRequest;
        }

        /** Properties of a NetworkSummary. */
        interface INetworkSummary {

            /** NetworkSummary network */
            network?: (clusterctl.cluster.INetwork|null);

            /** NetworkSummary services */
            services?: (string[]|null);
        }

        /** Represents a NetworkSummary. */
        class NetworkSummary implements INetworkSummary {

            /**
             * Constructs a new NetworkSummary.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.INetworkSummary);

            /** NetworkSummary network. */
            public network?: (clusterctl.cluster.INetwork|null);

            /** NetworkSummary services. */
            public services: string[];

            /**
             * Encodes the specified NetworkSummary message. Does not implicitly {@link clusterctl.control.NetworkSummary.verify|verify} messages.
             * @param message NetworkSummary message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.INetworkSummary, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkSummary message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.NetworkSummary;
        }

        /** Properties of a ListNetworksResponse. */
        interface IListNetworksResponse {

            /** ListNetworksResponse networks */
            networks?: (clusterctl.control.INetworkSummary[]|null);
        }

        /** Represents a ListNetworksResponse. */
        class ListNetworksResponse implements IListNetworksResponse {

            /**
             * Constructs a new ListNetworksResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListNetworksResponse);

            /** ListNetworksResponse networks. */
            public networks: clusterctl.control.INetworkSummary[];

            /**
             * Encodes the specified ListNetworksResponse message. Does not implicitly {@link clusterctl.control.ListNetworksResponse.verify|verify} messages.
             * @param message ListNetworksResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListNetworksResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListNetworksResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListNetworksResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListNetworksResponse;
        }

        /** Properties of a RemoveNetworkRequest. */
        interface IRemoveNetworkRequest {

            /** RemoveNetworkRequest network */
            network?: (string|null);
        }

        /** Represents a RemoveNetworkRequest. */
        class RemoveNetworkRequest implements IRemoveNetworkRequest {

            /**
             * Constructs a new RemoveNetworkRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IRemoveNetworkRequest);

            /** RemoveNetworkRequest network. */
            public network: string;

            /**
             * Encodes the specified RemoveNetworkRequest message. Does not implicitly {@link clusterctl.control.RemoveNetworkRequest.verify|verify} messages.
             * @param message RemoveNetworkRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IRemoveNetworkRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RemoveNetworkRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RemoveNetworkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.RemoveNetworkRequest;
        }

        /** Properties of a RootRotation. */
        interface IRootRotation {

            /** RootRotation newRootCaDigest */
            newRootCaDigest?: (string|null);

            /** RootRotation startedAt */
            startedAt?: (number|null);

            /** RootRotation nodesRotated */
            nodesRotated?: (number|null);

            /** RootRotation nodesTotal */
            nodesTotal?: (number|null);
        }

        /** Represents a RootRotation. */
        class RootRotation implements IRootRotation {

            /**
             * Constructs a new RootRotation.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IRootRotation);

            /** RootRotation newRootCaDigest. */
            public newRootCaDigest: string;

            /** RootRotation startedAt. */
            public startedAt: number;

            /** RootRotation nodesRotated. */
            public nodesRotated: number;

            /** RootRotation nodesTotal. */
            public nodesTotal: number;

            /**
             * Encodes the specified RootRotation message. Does not implicitly {@link clusterctl.control.RootRotation.verify|verify} messages.
             * @param message RootRotation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IRootRotation, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RootRotation message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RootRotation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.RootRotation;
        }

        /** Properties of a RotateRootCaRequest. */
        interface IRotateRootCaRequest {
        }

        /** Represents a RotateRootCaRequest. */
        class RotateRootCaRequest implements IRotateRootCaRequest {

            /**
             * Constructs a new RotateRootCaRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IRotateRootCaRequest);

            /**
             * Encodes the specified RotateRootCaRequest message. Does not implicitly {@link clusterctl.control.RotateRootCaRequest.verify|verify} messages.
             * @param message RotateRootCaRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IRotateRootCaRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RotateRootCaRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RotateRootCaRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.RotateRootCaRequest;
        }

        /** Properties of an UpdateClusterRequest. */
        interface IUpdateClusterRequest {

            /** UpdateClusterRequest version */
            version?: (number|null);

            /** UpdateClusterRequest heartbeatPeriodMs */
            heartbeatPeriodMs?: (number|null);

            /** UpdateClusterRequest nodeGraceMs */
            nodeGraceMs?: (number|null);

            /** UpdateClusterRequest taskHistoryLimit */
            taskHistoryLimit?: (number|null);

            /** UpdateClusterRequest nodeCertExpiryMs */
            nodeCertExpiryMs?: (number|null);

            /** UpdateClusterRequest dataPathBackend */
            dataPathBackend?: (string|null);

            /** UpdateClusterRequest autolock */
            autolock?: (string|null);

            /** UpdateClusterRequest revokeDashboardTokens */
            revokeDashboardTokens?: (boolean|null);
        }

        /** Represents an UpdateClusterRequest. */
        class UpdateClusterRequest implements IUpdateClusterRequest {

            /**
             * Constructs a new UpdateClusterRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IUpdateClusterRequest);

            /** UpdateClusterRequest version. */
            public version: number;

            /** UpdateClusterRequest heartbeatPeriodMs. */
            public heartbeatPeriodMs: number;

            /** UpdateClusterRequest nodeGraceMs. */
            public nodeGraceMs: number;

            /** UpdateClusterRequest taskHistoryLimit. */
            public taskHistoryLimit: number;

            /** UpdateClusterRequest nodeCertExpiryMs. */
            public nodeCertExpiryMs: number;

            /** UpdateClusterRequest dataPathBackend. */
            public dataPathBackend: string;

            /** UpdateClusterRequest autolock. */
            public autolock: string;

            /** UpdateClusterRequest revokeDashboardTokens. */
            public revokeDashboardTokens: boolean;

            /**
             * Encodes the specified UpdateClusterRequest message. Does not implicitly {@link clusterctl.control.UpdateClusterRequest.verify|verify} messages.
             * @param message UpdateClusterRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IUpdateClusterRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateClusterRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UpdateClusterRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.UpdateClusterRequest;
        }

        /** Properties of a CreateSecretRequest. */
        interface ICreateSecretRequest {

            /** CreateSecretRequest name */
            name?: (string|null);

            /** CreateSecretRequest labels */
            labels?: ({ [k: string]: string }|null);

            /** CreateSecretRequest data */
            data?: (Uint8Array|null);

            /** CreateSecretRequest stackReuseSameData */
            stackReuseSameData?: (boolean|null);
        }

        /** Represents a CreateSecretRequest. */
        class CreateSecretRequest implements ICreateSecretRequest {

            /**
             * Constructs a new CreateSecretRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.ICreateSecretRequest);

            /** CreateSecretRequest name. */
            public name: string;

            /** CreateSecretRequest labels. */
            public labels: { [k: string]: string };

            /** CreateSecretRequest data. */
            public data: Uint8Array;

            /** CreateSecretRequest stackReuseSameData. */
            public stackReuseSameData: boolean;

            /**
             * Encodes the specified CreateSecretRequest message. Does not implicitly {@link clusterctl.control.CreateSecretRequest.verify|verify} messages.
             * @param message CreateSecretRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.ICreateSecretRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CreateSecretRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns CreateSecretRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.CreateSecretRequest;
        }

        /** Properties of a GetSecretRequest. */
        interface IGetSecretRequest {

            /** GetSecretRequest secret */
            secret?: (string|null);
        }

        /** Represents a GetSecretRequest. */
        class GetSecretRequest implements IGetSecretRequest {

            /**
             * Constructs a new GetSecretRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IGetSecretRequest);

            /** GetSecretRequest secret. */
            public secret: string;

            /**
             * Encodes the specified GetSecretRequest message. Does not implicitly {@link clusterctl.control.GetSecretRequest.verify|verify} messages.
             * @param message GetSecretRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IGetSecretRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetSecretRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetSecretRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.GetSecretRequest;
        }

        /** Properties of a ListSecretsRequest. */
        interface IListSecretsRequest {

            /** ListSecretsRequest filters */
            filters?: ({ [k: string]: string }|null);
        }

        /** Represents a ListSecretsRequest. */
        class ListSecretsRequest implements IListSecretsRequest {

            /**
             * Constructs a new ListSecretsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListSecretsRequest);

            /** ListSecretsRequest filters. */
            public filters: { [k: string]: string };

            /**
             * Encodes the specified ListSecretsRequest message. Does not implicitly {@link clusterctl.control.ListSecretsRequest.verify|verify} messages.
             * @param message ListSecretsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListSecretsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListSecretsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListSecretsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListSecretsRequest;
        }

        /** Properties of a ListSecretsResponse. */
        interface IListSecretsResponse {

            /** ListSecretsResponse secrets */
            secrets?: (clusterctl.cluster.ISecret[]|null);
        }

        /** Represents a ListSecretsResponse. */
        class ListSecretsResponse implements IListSecretsResponse {

            /**
             * Constructs a new ListSecretsResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListSecretsResponse);

            /** ListSecretsResponse secrets. */
            public secrets: clusterctl.cluster.ISecret[];

            /**
             * Encodes the specified ListSecretsResponse message. Does not implicitly {@link clusterctl.control.ListSecretsResponse.verify|verify} messages.
             * @param message ListSecretsResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListSecretsResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListSecretsResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListSecretsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListSecretsResponse;
        }

        /** Properties of a RemoveSecretRequest. */
        interface IRemoveSecretRequest {

            /** RemoveSecretRequest secret */
            secret?: (string|null);
        }

        /** Represents a RemoveSecretRequest. */
        class RemoveSecretRequest implements IRemoveSecretRequest {

            /**
             * Constructs a new RemoveSecretRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IRemoveSecretRequest);

            /** RemoveSecretRequest secret. */
            public secret: string;

            /**
             * Encodes the specified RemoveSecretRequest message. Does not implicitly {@link clusterctl.control.RemoveSecretRequest.verify|verify} messages.
             * @param message RemoveSecretRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IRemoveSecretRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RemoveSecretRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RemoveSecretRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.RemoveSecretRequest;
        }

        /** Properties of a CreateConfigRequest. */
        interface ICreateConfigRequest {

            /** CreateConfigRequest name */
            name?: (string|null);

            /** CreateConfigRequest labels */
            labels?: ({ [k: string]: string }|null);

            /** CreateConfigRequest data */
            data?: (Uint8Array|null);

            /** CreateConfigRequest stackReuseSameData */
            stackReuseSameData?: (boolean|null);
        }

        /** Represents a CreateConfigRequest. */
        class CreateConfigRequest implements ICreateConfigRequest {

            /**
             * Constructs a new CreateConfigRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.ICreateConfigRequest);

            /** CreateConfigRequest name. */
            public name: string;

            /** CreateConfigRequest labels. */
            public labels: { [k: string]: string };

            /** CreateConfigRequest data. */
            public data: Uint8Array;

            /** CreateConfigRequest stackReuseSameData. */
            public stackReuseSameData: boolean;

            /**
             * Encodes the specified CreateConfigRequest message. Does not implicitly {@link clusterctl.control.CreateConfigRequest.verify|verify} messages.
             * @param message CreateConfigRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.ICreateConfigRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CreateConfigRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns CreateConfigRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.CreateConfigRequest;
        }

        /** Properties of a GetConfigRequest. */
        interface IGetConfigRequest {

            /** GetConfigRequest config */
            config?: (string|null);
        }

        /** Represents a GetConfigRequest. */
        class GetConfigRequest implements IGetConfigRequest {

            /**
             * Constructs a new GetConfigRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IGetConfigRequest);

            /** GetConfigRequest config. */
            public config: string;

            /**
             * Encodes the specified GetConfigRequest message. Does not implicitly {@link clusterctl.control.GetConfigRequest.verify|verify} messages.
             * @param message GetConfigRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IGetConfigRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetConfigRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetConfigRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.GetConfigRequest;
        }

        /** Properties of a ListConfigsRequest. */
        interface IListConfigsRequest {

            /** ListConfigsRequest filters */
            filters?: ({ [k: string]: string }|null);
        }

        /** Represents a ListConfigsRequest. */
        class ListConfigsRequest implements IListConfigsRequest {

            /**
             * Constructs a new ListConfigsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListConfigsRequest);

            /** ListConfigsRequest filters. */
            public filters: { [k: string]: string };

            /**
             * Encodes the specified ListConfigsRequest message. Does not implicitly {@link clusterctl.control.ListConfigsRequest.verify|verify} messages.
             * @param message ListConfigsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListConfigsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListConfigsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListConfigsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListConfigsRequest;
        }

        /** Properties of a ListConfigsResponse. */
        interface IListConfigsResponse {

            /** ListConfigsResponse configs */
            configs?: (clusterctl.cluster.IConfig[]|null);
        }

        /** Represents a ListConfigsResponse. */
        class ListConfigsResponse implements IListConfigsResponse {

            /**
             * Constructs a new ListConfigsResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListConfigsResponse);

            /** ListConfigsResponse configs. */
            public configs: clusterctl.cluster.IConfig[];

            /**
             * Encodes the specified ListConfigsResponse message. Does not implicitly {@link clusterctl.control.ListConfigsResponse.verify|verify} messages.
             * @param message ListConfigsResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListConfigsResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListConfigsResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListConfigsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListConfigsResponse;
        }

        /** Properties of a RemoveConfigRequest. */
        interface IRemoveConfigRequest {

            /** RemoveConfigRequest config */
            config?: (string|null);
        }

        /** Represents a RemoveConfigRequest. */
        class RemoveConfigRequest implements IRemoveConfigRequest {

            /**
             * Constructs a new RemoveConfigRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IRemoveConfigRequest);

            /** RemoveConfigRequest config. */
            public config: string;

            /**
             * Encodes the specified RemoveConfigRequest message. Does not implicitly {@link clusterctl.control.RemoveConfigRequest.verify|verify} messages.
             * @param message RemoveConfigRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IRemoveConfigRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RemoveConfigRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RemoveConfigRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.RemoveConfigRequest;
        }

        /** Properties of a GetUnlockKeyRequest. */
        interface IGetUnlockKeyRequest {

            /** GetUnlockKeyRequest rotate */
            rotate?: (boolean|null);
        }

        /** Represents a GetUnlockKeyRequest. */
        class GetUnlockKeyRequest implements IGetUnlockKeyRequest {

            /**
             * Constructs a new GetUnlockKeyRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IGetUnlockKeyRequest);

            /** GetUnlockKeyRequest rotate. */
            public rotate: boolean;

            /**
             * Encodes the specified GetUnlockKeyRequest message. Does not implicitly {@link clusterctl.control.GetUnlockKeyRequest.verify|verify} messages.
             * @param message GetUnlockKeyRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IGetUnlockKeyRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetUnlockKeyRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetUnlockKeyRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.GetUnlockKeyRequest;
        }

        /** Properties of a GetUnlockKeyResponse. */
        interface IGetUnlockKeyResponse {

            /** GetUnlockKeyResponse unlockKey */
            unlockKey?: (string|null);
        }

        /** Represents a GetUnlockKeyResponse. */
        class GetUnlockKeyResponse implements IGetUnlockKeyResponse {

            /**
             * Constructs a new GetUnlockKeyResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IGetUnlockKeyResponse);

            /** GetUnlockKeyResponse unlockKey. */
            public unlockKey: string;

            /**
             * Encodes the specified GetUnlockKeyResponse message. Does not implicitly {@link clusterctl.control.GetUnlockKeyResponse.verify|verify} messages.
             * @param message GetUnlockKeyResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IGetUnlockKeyResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetUnlockKeyResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns GetUnlockKeyResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.GetUnlockKeyResponse;
        }

        /** Properties of a ManagerReachabilityResponse. */
        interface IManagerReachabilityResponse {

            /** ManagerReachabilityResponse leaderRaftId */
            leaderRaftId?: (number|null);

            /** ManagerReachabilityResponse term */
            term?: (number|null);

            /** ManagerReachabilityResponse managers */
            managers?: (clusterctl.control.IManagerReachability[]|null);
        }

        /** Represents a ManagerReachabilityResponse. */
        class ManagerReachabilityResponse implements IManagerReachabilityResponse {

            /**
             * Constructs a new ManagerReachabilityResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IManagerReachabilityResponse);

            /** ManagerReachabilityResponse leaderRaftId. */
            public leaderRaftId: number;

            /** ManagerReachabilityResponse term. */
            public term: number;

            /** ManagerReachabilityResponse managers. */
            public managers: clusterctl.control.IManagerReachability[];

            /**
             * Encodes the specified ManagerReachabilityResponse message. Does not implicitly {@link clusterctl.control.ManagerReachabilityResponse.verify|verify} messages.
             * @param message ManagerReachabilityResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IManagerReachabilityResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ManagerReachabilityResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ManagerReachabilityResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ManagerReachabilityResponse;
        }

        /** Properties of a ManagerReachability. */
        interface IManagerReachability {

            /** ManagerReachability raftId */
            raftId?: (number|null);

            /** ManagerReachability reachability */
            reachability?: (string|null);
        }

        /** Represents a ManagerReachability. */
        class ManagerReachability implements IManagerReachability {

            /**
             * Constructs a new ManagerReachability.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IManagerReachability);

            /** ManagerReachability raftId. */
            public raftId: number;

            /** ManagerReachability reachability. */
            public reachability: string;

            /**
             * Encodes the specified ManagerReachability message. Does not implicitly {@link clusterctl.control.ManagerReachability.verify|verify} messages.
             * @param message ManagerReachability message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IManagerReachability, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ManagerReachability message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ManagerReachability
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ManagerReachability;
        }

        /** Properties of a ListImagesRequest. */
        interface IListImagesRequest {
        }

        /** Represents a ListImagesRequest. */
        class ListImagesRequest implements IListImagesRequest {

            /**
             * Constructs a new ListImagesRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListImagesRequest);

            /**
             * Encodes the specified ListImagesRequest message. Does not implicitly {@link clusterctl.control.ListImagesRequest.verify|verify} messages.
             * @param message ListImagesRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListImagesRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListImagesRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListImagesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListImagesRequest;
        }

        /** Properties of a NodeImage. */
        interface INodeImage {

            /** NodeImage id */
            id?: (string|null);

            /** NodeImage repoTags */
            repoTags?: (string[]|null);

            /** NodeImage sizeBytes */
            sizeBytes?: (number|null);

            /** NodeImage created */
            created?: (number|null);

            /** NodeImage nodeIds */
            nodeIds?: (string[]|null);

            /** NodeImage hostnames */
            hostnames?: (string[]|null);
        }

        /** Represents a NodeImage. */
        class NodeImage implements INodeImage {

            /**
             * Constructs a new NodeImage.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.INodeImage);

            /** NodeImage id. */
            public id: string;

            /** NodeImage repoTags. */
            public repoTags: string[];

            /** NodeImage sizeBytes. */
            public sizeBytes: number;

            /** NodeImage created. */
            public created: number;

            /** NodeImage nodeIds. */
            public nodeIds: string[];

            /** NodeImage hostnames. */
            public hostnames: string[];

            /**
             * Encodes the specified NodeImage message. Does not implicitly {@link clusterctl.control.NodeImage.verify|verify} messages.
             * @param message NodeImage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.INodeImage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NodeImage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NodeImage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.NodeImage;
        }

        /** Properties of a ListImagesResponse. */
        interface IListImagesResponse {

            /** ListImagesResponse images */
            images?: (clusterctl.control.INodeImage[]|null);

            /** ListImagesResponse truncatedNodes */
            truncatedNodes?: (string[]|null);
        }

        /** Represents a ListImagesResponse. */
        class ListImagesResponse implements IListImagesResponse {

            /**
             * Constructs a new ListImagesResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.control.IListImagesResponse);

            /** ListImagesResponse images. */
            public images: clusterctl.control.INodeImage[];

            /** ListImagesResponse truncatedNodes. */
            public truncatedNodes: string[];

            /**
             * Encodes the specified ListImagesResponse message. Does not implicitly {@link clusterctl.control.ListImagesResponse.verify|verify} messages.
             * @param message ListImagesResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.control.IListImagesResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListImagesResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ListImagesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.control.ListImagesResponse;
        }

        /** Represents a Control */
        class Control extends $protobuf.rpc.Service {

            /**
             * Constructs a new Control service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Calls GetNode.
             * @param request GetNodeRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Node
             */
            public getNode(request: clusterctl.control.IGetNodeRequest, callback: clusterctl.control.Control.GetNodeCallback): void;

            /**
             * Calls GetNode.
             * @param request GetNodeRequest message or plain object
             * @returns Promise
             */
            public getNode(request: clusterctl.control.IGetNodeRequest): Promise<clusterctl.cluster.Node>;

            /**
             * Calls ListNodes.
             * @param request ListNodesRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListNodesResponse
             */
            public listNodes(request: clusterctl.control.IListNodesRequest, callback: clusterctl.control.Control.ListNodesCallback): void;

            /**
             * Calls ListNodes.
             * @param request ListNodesRequest message or plain object
             * @returns Promise
             */
            public listNodes(request: clusterctl.control.IListNodesRequest): Promise<clusterctl.control.ListNodesResponse>;

            /**
             * Calls UpdateNode.
             * @param request UpdateNodeRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Node
             */
            public updateNode(request: clusterctl.control.IUpdateNodeRequest, callback: clusterctl.control.Control.UpdateNodeCallback): void;

            /**
             * Calls UpdateNode.
             * @param request UpdateNodeRequest message or plain object
             * @returns Promise
             */
            public updateNode(request: clusterctl.control.IUpdateNodeRequest): Promise<clusterctl.cluster.Node>;

            /**
             * Calls RemoveNode.
             * @param request RemoveNodeRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Empty
             */
            public removeNode(request: clusterctl.control.IRemoveNodeRequest, callback: clusterctl.control.Control.RemoveNodeCallback): void;

            /**
             * Calls RemoveNode.
             * @param request RemoveNodeRequest message or plain object
             * @returns Promise
             */
            public removeNode(request: clusterctl.control.IRemoveNodeRequest): Promise<clusterctl.control.Empty>;

            /**
             * Calls CreateService.
             * @param request CreateServiceRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Service
             */
            public createService(request: clusterctl.control.ICreateServiceRequest, callback: clusterctl.control.Control.CreateServiceCallback): void;

            /**
             * Calls CreateService.
             * @param request CreateServiceRequest message or plain object
             * @returns Promise
             */
            public createService(request: clusterctl.control.ICreateServiceRequest): Promise<clusterctl.cluster.Service>;

            /**
             * Calls GetService.
             * @param request GetServiceRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Service
             */
            public getService(request: clusterctl.control.IGetServiceRequest, callback: clusterctl.control.Control.GetServiceCallback): void;

            /**
             * Calls GetService.
             * @param request GetServiceRequest message or plain object
             * @returns Promise
             */
            public getService(request: clusterctl.control.IGetServiceRequest): Promise<clusterctl.cluster.Service>;

            /**
             * Calls ListServices.
             * @param request ListServicesRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListServicesResponse
             */
            public listServices(request: clusterctl.control.IListServicesRequest, callback: clusterctl.control.Control.ListServicesCallback): void;

            /**
             * Calls ListServices.
             * @param request ListServicesRequest message or plain object
             * @returns Promise
             */
            public listServices(request: clusterctl.control.IListServicesRequest): Promise<clusterctl.control.ListServicesResponse>;

            /**
             * Calls UpdateService.
             * @param request UpdateServiceRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Service
             */
            public updateService(request: clusterctl.control.IUpdateServiceRequest, callback: clusterctl.control.Control.UpdateServiceCallback): void;

            /**
             * Calls UpdateService.
             * @param request UpdateServiceRequest message or plain object
             * @returns Promise
             */
            public updateService(request: clusterctl.control.IUpdateServiceRequest): Promise<clusterctl.cluster.Service>;

            /**
             * Calls ScaleService.
             * @param request ScaleServiceRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Service
             */
            public scaleService(request: clusterctl.control.IScaleServiceRequest, callback: clusterctl.control.Control.ScaleServiceCallback): void;

            /**
             * Calls ScaleService.
             * @param request ScaleServiceRequest message or plain object
             * @returns Promise
             */
            public scaleService(request: clusterctl.control.IScaleServiceRequest): Promise<clusterctl.cluster.Service>;

            /**
             * Calls RemoveService.
             * @param request RemoveServiceRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Empty
             */
            public removeService(request: clusterctl.control.IRemoveServiceRequest, callback: clusterctl.control.Control.RemoveServiceCallback): void;

            /**
             * Calls RemoveService.
             * @param request RemoveServiceRequest message or plain object
             * @returns Promise
             */
            public removeService(request: clusterctl.control.IRemoveServiceRequest): Promise<clusterctl.control.Empty>;

            /**
             * Calls ListTasks.
             * @param request ListTasksRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListTasksResponse
             */
            public listTasks(request: clusterctl.control.IListTasksRequest, callback: clusterctl.control.Control.ListTasksCallback): void;

            /**
             * Calls ListTasks.
             * @param request ListTasksRequest message or plain object
             * @returns Promise
             */
            public listTasks(request: clusterctl.control.IListTasksRequest): Promise<clusterctl.control.ListTasksResponse>;

            /**
             * Calls ServiceLogs.
             * @param request ServiceLogsRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and LogLine
             */
            public serviceLogs(request: clusterctl.control.IServiceLogsRequest, callback: clusterctl.control.Control.ServiceLogsCallback): void;

            /**
             * Calls ServiceLogs.
             * @param request ServiceLogsRequest message or plain object
             * @returns Promise
             */
            public serviceLogs(request: clusterctl.control.IServiceLogsRequest): Promise<clusterctl.control.LogLine>;

            /**
             * Calls Events.
             * @param request EventsRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and EventsMessage
             */
            public events(request: clusterctl.control.IEventsRequest, callback: clusterctl.control.Control.EventsCallback): void;

            /**
             * Calls Events.
             * @param request EventsRequest message or plain object
             * @returns Promise
             */
            public events(request: clusterctl.control.IEventsRequest): Promise<clusterctl.control.EventsMessage>;

            /**
             * Calls GetJoinToken.
             * @param request JoinTokenRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and JoinTokenResponse
             */
            public getJoinToken(request: clusterctl.control.IJoinTokenRequest, callback: clusterctl.control.Control.GetJoinTokenCallback): void;

            /**
             * Calls GetJoinToken.
             * @param request JoinTokenRequest message or plain object
             * @returns Promise
             */
            public getJoinToken(request: clusterctl.control.IJoinTokenRequest): Promise<clusterctl.control.JoinTokenResponse>;

            /**
             * Calls GetClusterInfo.
             * @param request Empty message or plain object
             * @param callback Node-style callback called with the error, if any, and ClusterInfo
             */
            public getClusterInfo(request: clusterctl.control.IEmpty, callback: clusterctl.control.Control.GetClusterInfoCallback): void;

            /**
             * Calls GetClusterInfo.
             * @param request Empty message or plain object
             * @returns Promise
             */
            public getClusterInfo(request: clusterctl.control.IEmpty): Promise<clusterctl.control.ClusterInfo>;

            /**
             * Calls UpdateCluster.
             * @param request UpdateClusterRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ClusterInfo
             */
            public updateCluster(request: clusterctl.control.IUpdateClusterRequest, callback: clusterctl.control.Control.UpdateClusterCallback): void;

            /**
             * Calls UpdateCluster.
             * @param request UpdateClusterRequest message or plain object
             * @returns Promise
             */
            public updateCluster(request: clusterctl.control.IUpdateClusterRequest): Promise<clusterctl.control.ClusterInfo>;

            /**
             * Calls RotateRootCa.
             * @param request RotateRootCaRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ClusterInfo
             */
            public rotateRootCa(request: clusterctl.control.IRotateRootCaRequest, callback: clusterctl.control.Control.RotateRootCaCallback): void;

            /**
             * Calls RotateRootCa.
             * @param request RotateRootCaRequest message or plain object
             * @returns Promise
             */
            public rotateRootCa(request: clusterctl.control.IRotateRootCaRequest): Promise<clusterctl.control.ClusterInfo>;

            /**
             * Calls CreateNetwork.
             * @param request CreateNetworkRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Network
             */
            public createNetwork(request: clusterctl.control.ICreateNetworkRequest, callback: clusterctl.control.Control.CreateNetworkCallback): void;

            /**
             * Calls CreateNetwork.
             * @param request CreateNetworkRequest message or plain object
             * @returns Promise
             */
            public createNetwork(request: clusterctl.control.ICreateNetworkRequest): Promise<clusterctl.cluster.Network>;

            /**
             * Calls GetNetwork.
             * @param request GetNetworkRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and NetworkSummary
             */
            public getNetwork(request: clusterctl.control.IGetNetworkRequest, callback: clusterctl.control.Control.GetNetworkCallback): void;

            /**
             * Calls GetNetwork.
             * @param request GetNetworkRequest message or plain object
             * @returns Promise
             */
            public getNetwork(request: clusterctl.control.IGetNetworkRequest): Promise<clusterctl.control.NetworkSummary>;

            /**
             * Calls ListNetworks.
             * @param request ListNetworksRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListNetworksResponse
             */
            public listNetworks(request: clusterctl.control.IListNetworksRequest, callback: clusterctl.control.Control.ListNetworksCallback): void;

            /**
             * Calls ListNetworks.
             * @param request ListNetworksRequest message or plain object
             * @returns Promise
             */
            public listNetworks(request: clusterctl.control.IListNetworksRequest): Promise<clusterctl.control.ListNetworksResponse>;

            /**
             * Calls RemoveNetwork.
             * @param request RemoveNetworkRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Empty
             */
            public removeNetwork(request: clusterctl.control.IRemoveNetworkRequest, callback: clusterctl.control.Control.RemoveNetworkCallback): void;

            /**
             * Calls RemoveNetwork.
             * @param request RemoveNetworkRequest message or plain object
             * @returns Promise
             */
            public removeNetwork(request: clusterctl.control.IRemoveNetworkRequest): Promise<clusterctl.control.Empty>;

            /**
             * Calls CreateSecret.
             * @param request CreateSecretRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Secret
             */
            public createSecret(request: clusterctl.control.ICreateSecretRequest, callback: clusterctl.control.Control.CreateSecretCallback): void;

            /**
             * Calls CreateSecret.
             * @param request CreateSecretRequest message or plain object
             * @returns Promise
             */
            public createSecret(request: clusterctl.control.ICreateSecretRequest): Promise<clusterctl.cluster.Secret>;

            /**
             * Calls GetSecret.
             * @param request GetSecretRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Secret
             */
            public getSecret(request: clusterctl.control.IGetSecretRequest, callback: clusterctl.control.Control.GetSecretCallback): void;

            /**
             * Calls GetSecret.
             * @param request GetSecretRequest message or plain object
             * @returns Promise
             */
            public getSecret(request: clusterctl.control.IGetSecretRequest): Promise<clusterctl.cluster.Secret>;

            /**
             * Calls ListSecrets.
             * @param request ListSecretsRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListSecretsResponse
             */
            public listSecrets(request: clusterctl.control.IListSecretsRequest, callback: clusterctl.control.Control.ListSecretsCallback): void;

            /**
             * Calls ListSecrets.
             * @param request ListSecretsRequest message or plain object
             * @returns Promise
             */
            public listSecrets(request: clusterctl.control.IListSecretsRequest): Promise<clusterctl.control.ListSecretsResponse>;

            /**
             * Calls RemoveSecret.
             * @param request RemoveSecretRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Empty
             */
            public removeSecret(request: clusterctl.control.IRemoveSecretRequest, callback: clusterctl.control.Control.RemoveSecretCallback): void;

            /**
             * Calls RemoveSecret.
             * @param request RemoveSecretRequest message or plain object
             * @returns Promise
             */
            public removeSecret(request: clusterctl.control.IRemoveSecretRequest): Promise<clusterctl.control.Empty>;

            /**
             * Calls CreateConfig.
             * @param request CreateConfigRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Config
             */
            public createConfig(request: clusterctl.control.ICreateConfigRequest, callback: clusterctl.control.Control.CreateConfigCallback): void;

            /**
             * Calls CreateConfig.
             * @param request CreateConfigRequest message or plain object
             * @returns Promise
             */
            public createConfig(request: clusterctl.control.ICreateConfigRequest): Promise<clusterctl.cluster.Config>;

            /**
             * Calls GetConfig.
             * @param request GetConfigRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Config
             */
            public getConfig(request: clusterctl.control.IGetConfigRequest, callback: clusterctl.control.Control.GetConfigCallback): void;

            /**
             * Calls GetConfig.
             * @param request GetConfigRequest message or plain object
             * @returns Promise
             */
            public getConfig(request: clusterctl.control.IGetConfigRequest): Promise<clusterctl.cluster.Config>;

            /**
             * Calls ListConfigs.
             * @param request ListConfigsRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListConfigsResponse
             */
            public listConfigs(request: clusterctl.control.IListConfigsRequest, callback: clusterctl.control.Control.ListConfigsCallback): void;

            /**
             * Calls ListConfigs.
             * @param request ListConfigsRequest message or plain object
             * @returns Promise
             */
            public listConfigs(request: clusterctl.control.IListConfigsRequest): Promise<clusterctl.control.ListConfigsResponse>;

            /**
             * Calls RemoveConfig.
             * @param request RemoveConfigRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Empty
             */
            public removeConfig(request: clusterctl.control.IRemoveConfigRequest, callback: clusterctl.control.Control.RemoveConfigCallback): void;

            /**
             * Calls RemoveConfig.
             * @param request RemoveConfigRequest message or plain object
             * @returns Promise
             */
            public removeConfig(request: clusterctl.control.IRemoveConfigRequest): Promise<clusterctl.control.Empty>;

            /**
             * Calls GetUnlockKey.
             * @param request GetUnlockKeyRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and GetUnlockKeyResponse
             */
            public getUnlockKey(request: clusterctl.control.IGetUnlockKeyRequest, callback: clusterctl.control.Control.GetUnlockKeyCallback): void;

            /**
             * Calls GetUnlockKey.
             * @param request GetUnlockKeyRequest message or plain object
             * @returns Promise
             */
            public getUnlockKey(request: clusterctl.control.IGetUnlockKeyRequest): Promise<clusterctl.control.GetUnlockKeyResponse>;

            /**
             * Calls GetManagerReachability.
             * @param request Empty message or plain object
             * @param callback Node-style callback called with the error, if any, and ManagerReachabilityResponse
             */
            public getManagerReachability(request: clusterctl.control.IEmpty, callback: clusterctl.control.Control.GetManagerReachabilityCallback): void;

            /**
             * Calls GetManagerReachability.
             * @param request Empty message or plain object
             * @returns Promise
             */
            public getManagerReachability(request: clusterctl.control.IEmpty): Promise<clusterctl.control.ManagerReachabilityResponse>;

            /**
             * Calls ListImages.
             * @param request ListImagesRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListImagesResponse
             */
            public listImages(request: clusterctl.control.IListImagesRequest, callback: clusterctl.control.Control.ListImagesCallback): void;

            /**
             * Calls ListImages.
             * @param request ListImagesRequest message or plain object
             * @returns Promise
             */
            public listImages(request: clusterctl.control.IListImagesRequest): Promise<clusterctl.control.ListImagesResponse>;
        }

        namespace Control {

            /**
             * Callback as used by {@link clusterctl.control.Control#getNode}.
             * @param error Error, if any
             * @param [response] Node
             */
            type GetNodeCallback = (error: (Error|null), response?: clusterctl.cluster.Node) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#listNodes}.
             * @param error Error, if any
             * @param [response] ListNodesResponse
             */
            type ListNodesCallback = (error: (Error|null), response?: clusterctl.control.ListNodesResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#updateNode}.
             * @param error Error, if any
             * @param [response] Node
             */
            type UpdateNodeCallback = (error: (Error|null), response?: clusterctl.cluster.Node) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#removeNode}.
             * @param error Error, if any
             * @param [response] Empty
             */
            type RemoveNodeCallback = (error: (Error|null), response?: clusterctl.control.Empty) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#createService}.
             * @param error Error, if any
             * @param [response] Service
             */
            type CreateServiceCallback = (error: (Error|null), response?: clusterctl.cluster.Service) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#getService}.
             * @param error Error, if any
             * @param [response] Service
             */
            type GetServiceCallback = (error: (Error|null), response?: clusterctl.cluster.Service) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#listServices}.
             * @param error Error, if any
             * @param [response] ListServicesResponse
             */
            type ListServicesCallback = (error: (Error|null), response?: clusterctl.control.ListServicesResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#updateService}.
             * @param error Error, if any
             * @param [response] Service
             */
            type UpdateServiceCallback = (error: (Error|null), response?: clusterctl.cluster.Service) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#scaleService}.
             * @param error Error, if any
             * @param [response] Service
             */
            type ScaleServiceCallback = (error: (Error|null), response?: clusterctl.cluster.Service) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#removeService}.
             * @param error Error, if any
             * @param [response] Empty
             */
            type RemoveServiceCallback = (error: (Error|null), response?: clusterctl.control.Empty) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#listTasks}.
             * @param error Error, if any
             * @param [response] ListTasksResponse
             */
            type ListTasksCallback = (error: (Error|null), response?: clusterctl.control.ListTasksResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#serviceLogs}.
             * @param error Error, if any
             * @param [response] LogLine
             */
            type ServiceLogsCallback = (error: (Error|null), response?: clusterctl.control.LogLine) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#events}.
             * @param error Error, if any
             * @param [response] EventsMessage
             */
            type EventsCallback = (error: (Error|null), response?: clusterctl.control.EventsMessage) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#getJoinToken}.
             * @param error Error, if any
             * @param [response] JoinTokenResponse
             */
            type GetJoinTokenCallback = (error: (Error|null), response?: clusterctl.control.JoinTokenResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#getClusterInfo}.
             * @param error Error, if any
             * @param [response] ClusterInfo
             */
            type GetClusterInfoCallback = (error: (Error|null), response?: clusterctl.control.ClusterInfo) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#updateCluster}.
             * @param error Error, if any
             * @param [response] ClusterInfo
             */
            type UpdateClusterCallback = (error: (Error|null), response?: clusterctl.control.ClusterInfo) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#rotateRootCa}.
             * @param error Error, if any
             * @param [response] ClusterInfo
             */
            type RotateRootCaCallback = (error: (Error|null), response?: clusterctl.control.ClusterInfo) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#createNetwork}.
             * @param error Error, if any
             * @param [response] Network
             */
            type CreateNetworkCallback = (error: (Error|null), response?: clusterctl.cluster.Network) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#getNetwork}.
             * @param error Error, if any
             * @param [response] NetworkSummary
             */
            type GetNetworkCallback = (error: (Error|null), response?: clusterctl.control.NetworkSummary) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#listNetworks}.
             * @param error Error, if any
             * @param [response] ListNetworksResponse
             */
            type ListNetworksCallback = (error: (Error|null), response?: clusterctl.control.ListNetworksResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#removeNetwork}.
             * @param error Error, if any
             * @param [response] Empty
             */
            type RemoveNetworkCallback = (error: (Error|null), response?: clusterctl.control.Empty) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#createSecret}.
             * @param error Error, if any
             * @param [response] Secret
             */
            type CreateSecretCallback = (error: (Error|null), response?: clusterctl.cluster.Secret) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#getSecret}.
             * @param error Error, if any
             * @param [response] Secret
             */
            type GetSecretCallback = (error: (Error|null), response?: clusterctl.cluster.Secret) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#listSecrets}.
             * @param error Error, if any
             * @param [response] ListSecretsResponse
             */
            type ListSecretsCallback = (error: (Error|null), response?: clusterctl.control.ListSecretsResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#removeSecret}.
             * @param error Error, if any
             * @param [response] Empty
             */
            type RemoveSecretCallback = (error: (Error|null), response?: clusterctl.control.Empty) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#createConfig}.
             * @param error Error, if any
             * @param [response] Config
             */
            type CreateConfigCallback = (error: (Error|null), response?: clusterctl.cluster.Config) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#getConfig}.
             * @param error Error, if any
             * @param [response] Config
             */
            type GetConfigCallback = (error: (Error|null), response?: clusterctl.cluster.Config) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#listConfigs}.
             * @param error Error, if any
             * @param [response] ListConfigsResponse
             */
            type ListConfigsCallback = (error: (Error|null), response?: clusterctl.control.ListConfigsResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#removeConfig}.
             * @param error Error, if any
             * @param [response] Empty
             */
            type RemoveConfigCallback = (error: (Error|null), response?: clusterctl.control.Empty) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#getUnlockKey}.
             * @param error Error, if any
             * @param [response] GetUnlockKeyResponse
             */
            type GetUnlockKeyCallback = (error: (Error|null), response?: clusterctl.control.GetUnlockKeyResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#getManagerReachability}.
             * @param error Error, if any
             * @param [response] ManagerReachabilityResponse
             */
            type GetManagerReachabilityCallback = (error: (Error|null), response?: clusterctl.control.ManagerReachabilityResponse) => void;

            /**
             * Callback as used by {@link clusterctl.control.Control#listImages}.
             * @param error Error, if any
             * @param [response] ListImagesResponse
             */
            type ListImagesCallback = (error: (Error|null), response?: clusterctl.control.ListImagesResponse) => void;
        }
    }

    /** Namespace dispatcher. */
    namespace dispatcher {

        /** Properties of a NodeDescription. */
        interface INodeDescription {

            /** NodeDescription hostname */
            hostname?: (string|null);

            /** NodeDescription resources */
            resources?: (clusterctl.cluster.IResources|null);

            /** NodeDescription engineLabels */
            engineLabels?: ({ [k: string]: string }|null);

            /** NodeDescription os */
            os?: (string|null);

            /** NodeDescription arch */
            arch?: (string|null);

            /** NodeDescription addr */
            addr?: (string|null);

            /** NodeDescription network */
            network?: (clusterctl.cluster.INetworkCapabilities|null);
        }

        /** Represents a NodeDescription. */
        class NodeDescription implements INodeDescription {

            /**
             * Constructs a new NodeDescription.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.INodeDescription);

            /** NodeDescription hostname. */
            public hostname: string;

            /** NodeDescription resources. */
            public resources?: (clusterctl.cluster.IResources|null);

            /** NodeDescription engineLabels. */
            public engineLabels: { [k: string]: string };

            /** NodeDescription os. */
            public os: string;

            /** NodeDescription arch. */
            public arch: string;

            /** NodeDescription addr. */
            public addr: string;

            /** NodeDescription network. */
            public network?: (clusterctl.cluster.INetworkCapabilities|null);

            /**
             * Encodes the specified NodeDescription message. Does not implicitly {@link clusterctl.dispatcher.NodeDescription.verify|verify} messages.
             * @param message NodeDescription message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.INodeDescription, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NodeDescription message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NodeDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.NodeDescription;
        }

        /** Properties of a SessionRequest. */
        interface ISessionRequest {

            /** SessionRequest description */
            description?: (clusterctl.dispatcher.INodeDescription|null);
        }

        /** Represents a SessionRequest. */
        class SessionRequest implements ISessionRequest {

            /**
             * Constructs a new SessionRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ISessionRequest);

            /** SessionRequest description. */
            public description?: (clusterctl.dispatcher.INodeDescription|null);

            /**
             * Encodes the specified SessionRequest message. Does not implicitly {@link clusterctl.dispatcher.SessionRequest.verify|verify} messages.
             * @param message SessionRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ISessionRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.SessionRequest;
        }

        /** Properties of a WeightedManager. */
        interface IWeightedManager {

            /** WeightedManager nodeId */
            nodeId?: (string|null);

            /** WeightedManager addr */
            addr?: (string|null);

            /** WeightedManager leader */
            leader?: (boolean|null);
        }

        /** Represents a WeightedManager. */
        class WeightedManager implements IWeightedManager {

            /**
             * Constructs a new WeightedManager.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IWeightedManager);

            /** WeightedManager nodeId. */
            public nodeId: string;

            /** WeightedManager addr. */
            public addr: string;

            /** WeightedManager leader. */
            public leader: boolean;

            /**
             * Encodes the specified WeightedManager message. Does not implicitly {@link clusterctl.dispatcher.WeightedManager.verify|verify} messages.
             * @param message WeightedManager message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IWeightedManager, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WeightedManager message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns WeightedManager
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.WeightedManager;
        }

        /** Properties of a SessionMessage. */
        interface ISessionMessage {

            /** SessionMessage sessionId */
            sessionId?: (string|null);

            /** SessionMessage heartbeatPeriodMs */
            heartbeatPeriodMs?: (number|null);

            /** SessionMessage managers */
            managers?: (clusterctl.dispatcher.IWeightedManager[]|null);

            /** SessionMessage leaderAddr */
            leaderAddr?: (string|null);
        }

        /** Represents a SessionMessage. */
        class SessionMessage implements ISessionMessage {

            /**
             * Constructs a new SessionMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ISessionMessage);

            /** SessionMessage sessionId. */
            public sessionId: string;

            /** SessionMessage heartbeatPeriodMs. */
            public heartbeatPeriodMs: number;

            /** SessionMessage managers. */
            public managers: clusterctl.dispatcher.IWeightedManager[];

            /** SessionMessage leaderAddr. */
            public leaderAddr: string;

            /**
             * Encodes the specified SessionMessage message. Does not implicitly {@link clusterctl.dispatcher.SessionMessage.verify|verify} messages.
             * @param message SessionMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ISessionMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SessionMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.SessionMessage;
        }

        /** Properties of a HeartbeatRequest. */
        interface IHeartbeatRequest {

            /** HeartbeatRequest sessionId */
            sessionId?: (string|null);

            /** HeartbeatRequest closing */
            closing?: (boolean|null);

            /** HeartbeatRequest certRootDigest */
            certRootDigest?: (string|null);

            /** HeartbeatRequest listeningPorts */
            listeningPorts?: (clusterctl.cluster.IMeshPortHolder[]|null);

            /** HeartbeatRequest listeningPortsReported */
            listeningPortsReported?: (boolean|null);

            /** HeartbeatRequest autoscaleTaskCpu */
            autoscaleTaskCpu?: (clusterctl.dispatcher.IAutoscaleTaskCpu[]|null);

            /** HeartbeatRequest imageInventory */
            imageInventory?: (clusterctl.dispatcher.IImageInventory|null);
        }

        /** Represents a HeartbeatRequest. */
        class HeartbeatRequest implements IHeartbeatRequest {

            /**
             * Constructs a new HeartbeatRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IHeartbeatRequest);

            /** HeartbeatRequest sessionId. */
            public sessionId: string;

            /** HeartbeatRequest closing. */
            public closing: boolean;

            /** HeartbeatRequest certRootDigest. */
            public certRootDigest: string;

            /** HeartbeatRequest listeningPorts. */
            public listeningPorts: clusterctl.cluster.IMeshPortHolder[];

            /** HeartbeatRequest listeningPortsReported. */
            public listeningPortsReported: boolean;

            /** HeartbeatRequest autoscaleTaskCpu. */
            public autoscaleTaskCpu: clusterctl.dispatcher.IAutoscaleTaskCpu[];

            /** HeartbeatRequest imageInventory. */
            public imageInventory?: (clusterctl.dispatcher.IImageInventory|null);

            /**
             * Encodes the specified HeartbeatRequest message. Does not implicitly {@link clusterctl.dispatcher.HeartbeatRequest.verify|verify} messages.
             * @param message HeartbeatRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IHeartbeatRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HeartbeatRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns HeartbeatRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.HeartbeatRequest;
        }

        /** Properties of an AutoscaleTaskCpu. */
        interface IAutoscaleTaskCpu {

            /** AutoscaleTaskCpu taskId */
            taskId?: (string|null);

            /** AutoscaleTaskCpu cpuCores */
            cpuCores?: (number|null);

            /** AutoscaleTaskCpu windowMs */
            windowMs?: (number|null);
        }

        /** Represents an AutoscaleTaskCpu. */
        class AutoscaleTaskCpu implements IAutoscaleTaskCpu {

            /**
             * Constructs a new AutoscaleTaskCpu.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IAutoscaleTaskCpu);

            /** AutoscaleTaskCpu taskId. */
            public taskId: string;

            /** AutoscaleTaskCpu cpuCores. */
            public cpuCores: number;

            /** AutoscaleTaskCpu windowMs. */
            public windowMs: number;

            /**
             * Encodes the specified AutoscaleTaskCpu message. Does not implicitly {@link clusterctl.dispatcher.AutoscaleTaskCpu.verify|verify} messages.
             * @param message AutoscaleTaskCpu message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IAutoscaleTaskCpu, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AutoscaleTaskCpu message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns AutoscaleTaskCpu
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.AutoscaleTaskCpu;
        }

        /** Properties of a HeartbeatResponse. */
        interface IHeartbeatResponse {

            /** HeartbeatResponse periodMs */
            periodMs?: (number|null);

            /** HeartbeatResponse trustDigest */
            trustDigest?: (string|null);

            /** HeartbeatResponse autoscaleWantsTaskCpu */
            autoscaleWantsTaskCpu?: (boolean|null);

            /** HeartbeatResponse imageInventoryDigest */
            imageInventoryDigest?: (string|null);
        }

        /** Represents a HeartbeatResponse. */
        class HeartbeatResponse implements IHeartbeatResponse {

            /**
             * Constructs a new HeartbeatResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IHeartbeatResponse);

            /** HeartbeatResponse periodMs. */
            public periodMs: number;

            /** HeartbeatResponse trustDigest. */
            public trustDigest: string;

            /** HeartbeatResponse autoscaleWantsTaskCpu. */
            public autoscaleWantsTaskCpu: boolean;

            /** HeartbeatResponse imageInventoryDigest. */
            public imageInventoryDigest: string;

            /**
             * Encodes the specified HeartbeatResponse message. Does not implicitly {@link clusterctl.dispatcher.HeartbeatResponse.verify|verify} messages.
             * @param message HeartbeatResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IHeartbeatResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HeartbeatResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns HeartbeatResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.HeartbeatResponse;
        }

        /** Properties of an AssignmentsRequest. */
        interface IAssignmentsRequest {

            /** AssignmentsRequest sessionId */
            sessionId?: (string|null);
        }

        /** Represents an AssignmentsRequest. */
        class AssignmentsRequest implements IAssignmentsRequest {

            /**
             * Constructs a new AssignmentsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IAssignmentsRequest);

            /** AssignmentsRequest sessionId. */
            public sessionId: string;

            /**
             * Encodes the specified AssignmentsRequest message. Does not implicitly {@link clusterctl.dispatcher.AssignmentsRequest.verify|verify} messages.
             * @param message AssignmentsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IAssignmentsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AssignmentsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns AssignmentsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.AssignmentsRequest;
        }

        /** Properties of an AssignmentsMessage. */
        interface IAssignmentsMessage {

            /** AssignmentsMessage type */
            type?: (clusterctl.dispatcher.AssignmentsMessage.Type|null);

            /** AssignmentsMessage sequence */
            sequence?: (number|null);

            /** AssignmentsMessage update */
            update?: (clusterctl.cluster.ITask[]|null);

            /** AssignmentsMessage remove */
            remove?: (string[]|null);
        }

        /** Represents an AssignmentsMessage. */
        class AssignmentsMessage implements IAssignmentsMessage {

            /**
             * Constructs a new AssignmentsMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IAssignmentsMessage);

            /** AssignmentsMessage type. */
            public type: clusterctl.dispatcher.AssignmentsMessage.Type;

            /** AssignmentsMessage sequence. */
            public sequence: number;

            /** AssignmentsMessage update. */
            public update: clusterctl.cluster.ITask[];

            /** AssignmentsMessage remove. */
            public remove: string[];

            /**
             * Encodes the specified AssignmentsMessage message. Does not implicitly {@link clusterctl.dispatcher.AssignmentsMessage.verify|verify} messages.
             * @param message AssignmentsMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IAssignmentsMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AssignmentsMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns AssignmentsMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.AssignmentsMessage;
        }

        namespace AssignmentsMessage {

            /** Type enum. */
            enum Type {
                COMPLETE = 0,
                INCREMENTAL = 1
            }
        }

        /** Properties of a TaskStatusUpdate. */
        interface ITaskStatusUpdate {

            /** TaskStatusUpdate taskId */
            taskId?: (string|null);

            /** TaskStatusUpdate status */
            status?: (clusterctl.cluster.ITaskStatus|null);
        }

        /** Represents a TaskStatusUpdate. */
        class TaskStatusUpdate implements ITaskStatusUpdate {

            /**
             * Constructs a new TaskStatusUpdate.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ITaskStatusUpdate);

            /** TaskStatusUpdate taskId. */
            public taskId: string;

            /** TaskStatusUpdate status. */
            public status?: (clusterctl.cluster.ITaskStatus|null);

            /**
             * Encodes the specified TaskStatusUpdate message. Does not implicitly {@link clusterctl.dispatcher.TaskStatusUpdate.verify|verify} messages.
             * @param message TaskStatusUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ITaskStatusUpdate, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskStatusUpdate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TaskStatusUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.TaskStatusUpdate;
        }

        /** Properties of an UpdateTaskStatusRequest. */
        interface IUpdateTaskStatusRequest {

            /** UpdateTaskStatusRequest sessionId */
            sessionId?: (string|null);

            /** UpdateTaskStatusRequest updates */
            updates?: (clusterctl.dispatcher.ITaskStatusUpdate[]|null);
        }

        /** Represents an UpdateTaskStatusRequest. */
        class UpdateTaskStatusRequest implements IUpdateTaskStatusRequest {

            /**
             * Constructs a new UpdateTaskStatusRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IUpdateTaskStatusRequest);

            /** UpdateTaskStatusRequest sessionId. */
            public sessionId: string;

            /** UpdateTaskStatusRequest updates. */
            public updates: clusterctl.dispatcher.ITaskStatusUpdate[];

            /**
             * Encodes the specified UpdateTaskStatusRequest message. Does not implicitly {@link clusterctl.dispatcher.UpdateTaskStatusRequest.verify|verify} messages.
             * @param message UpdateTaskStatusRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IUpdateTaskStatusRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateTaskStatusRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UpdateTaskStatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.UpdateTaskStatusRequest;
        }

        /** Properties of an UpdateTaskStatusResponse. */
        interface IUpdateTaskStatusResponse {
        }

        /** Represents an UpdateTaskStatusResponse. */
        class UpdateTaskStatusResponse implements IUpdateTaskStatusResponse {

            /**
             * Constructs a new UpdateTaskStatusResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IUpdateTaskStatusResponse);

            /**
             * Encodes the specified UpdateTaskStatusResponse message. Does not implicitly {@link clusterctl.dispatcher.UpdateTaskStatusResponse.verify|verify} messages.
             * @param message UpdateTaskStatusResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IUpdateTaskStatusResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateTaskStatusResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UpdateTaskStatusResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.UpdateTaskStatusResponse;
        }

        /** Properties of a LogSubscription. */
        interface ILogSubscription {

            /** LogSubscription id */
            id?: (string|null);

            /** LogSubscription taskIds */
            taskIds?: (string[]|null);

            /** LogSubscription follow */
            follow?: (boolean|null);

            /** LogSubscription tail */
            tail?: (number|null);

            /** LogSubscription close */
            close?: (boolean|null);
        }

        /** Represents a LogSubscription. */
        class LogSubscription implements ILogSubscription {

            /**
             * Constructs a new LogSubscription.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ILogSubscription);

            /** LogSubscription id. */
            public id: string;

            /** LogSubscription taskIds. */
            public taskIds: string[];

            /** LogSubscription follow. */
            public follow: boolean;

            /** LogSubscription tail. */
            public tail: number;

            /** LogSubscription close. */
            public close: boolean;

            /**
             * Encodes the specified LogSubscription message. Does not implicitly {@link clusterctl.dispatcher.LogSubscription.verify|verify} messages.
             * @param message LogSubscription message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ILogSubscription, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogSubscription message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LogSubscription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.LogSubscription;
        }

        /** Properties of a LogSubscriptionsRequest. */
        interface ILogSubscriptionsRequest {

            /** LogSubscriptionsRequest sessionId */
            sessionId?: (string|null);
        }

        /** Represents a LogSubscriptionsRequest. */
        class LogSubscriptionsRequest implements ILogSubscriptionsRequest {

            /**
             * Constructs a new LogSubscriptionsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ILogSubscriptionsRequest);

            /** LogSubscriptionsRequest sessionId. */
            public sessionId: string;

            /**
             * Encodes the specified LogSubscriptionsRequest message. Does not implicitly {@link clusterctl.dispatcher.LogSubscriptionsRequest.verify|verify} messages.
             * @param message LogSubscriptionsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ILogSubscriptionsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogSubscriptionsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LogSubscriptionsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.LogSubscriptionsRequest;
        }

        /** Properties of a LogChunk. */
        interface ILogChunk {

            /** LogChunk taskId */
            taskId?: (string|null);

            /** LogChunk stream */
            stream?: (string|null);

            /** LogChunk timestamp */
            timestamp?: (number|null);

            /** LogChunk line */
            line?: (Uint8Array|null);
        }

        /** Represents a LogChunk. */
        class LogChunk implements ILogChunk {

            /**
             * Constructs a new LogChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ILogChunk);

            /** LogChunk taskId. */
            public taskId: string;

            /** LogChunk stream. */
            public stream: string;

            /** LogChunk timestamp. */
            public timestamp: number;

            /** LogChunk line. */
            public line: Uint8Array;

            /**
             * Encodes the specified LogChunk message. Does not implicitly {@link clusterctl.dispatcher.LogChunk.verify|verify} messages.
             * @param message LogChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ILogChunk, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LogChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.LogChunk;
        }

        /** Properties of a PublishLogsMessage. */
        interface IPublishLogsMessage {

            /** PublishLogsMessage sessionId */
            sessionId?: (string|null);

            /** PublishLogsMessage subscriptionId */
            subscriptionId?: (string|null);

            /** PublishLogsMessage lines */
            lines?: (clusterctl.dispatcher.ILogChunk[]|null);

            /** PublishLogsMessage close */
            close?: (boolean|null);
        }

        /** Represents a PublishLogsMessage. */
        class PublishLogsMessage implements IPublishLogsMessage {

            /**
             * Constructs a new PublishLogsMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IPublishLogsMessage);

            /** PublishLogsMessage sessionId. */
            public sessionId: string;

            /** PublishLogsMessage subscriptionId. */
            public subscriptionId: string;

            /** PublishLogsMessage lines. */
            public lines: clusterctl.dispatcher.ILogChunk[];

            /** PublishLogsMessage close. */
            public close: boolean;

            /**
             * Encodes the specified PublishLogsMessage message. Does not implicitly {@link clusterctl.dispatcher.PublishLogsMessage.verify|verify} messages.
             * @param message PublishLogsMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IPublishLogsMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PublishLogsMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns PublishLogsMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.PublishLogsMessage;
        }

        /** Properties of a PublishLogsResponse. */
        interface IPublishLogsResponse {
        }

        /** Represents a PublishLogsResponse. */
        class PublishLogsResponse implements IPublishLogsResponse {

            /**
             * Constructs a new PublishLogsResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IPublishLogsResponse);

            /**
             * Encodes the specified PublishLogsResponse message. Does not implicitly {@link clusterctl.dispatcher.PublishLogsResponse.verify|verify} messages.
             * @param message PublishLogsResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IPublishLogsResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PublishLogsResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns PublishLogsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.PublishLogsResponse;
        }

        /** Properties of a NetworkMapRequest. */
        interface INetworkMapRequest {

            /** NetworkMapRequest sessionId */
            sessionId?: (string|null);
        }

        /** Represents a NetworkMapRequest. */
        class NetworkMapRequest implements INetworkMapRequest {

            /**
             * Constructs a new NetworkMapRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.INetworkMapRequest);

            /** NetworkMapRequest sessionId. */
            public sessionId: string;

            /**
             * Encodes the specified NetworkMapRequest message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapRequest.verify|verify} messages.
             * @param message NetworkMapRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.INetworkMapRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkMapRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkMapRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.NetworkMapRequest;
        }

        /** Properties of a NetworkMap. */
        interface INetworkMap {

            /** NetworkMap version */
            version?: (number|null);

            /** NetworkMap term */
            term?: (number|null);

            /** NetworkMap clusterCidr */
            clusterCidr?: (string|null);

            /** NetworkMap vipCidr */
            vipCidr?: (string|null);

            /** NetworkMap mtu */
            mtu?: (number|null);

            /** NetworkMap backend */
            backend?: (string|null);

            /** NetworkMap vxlanPort */
            vxlanPort?: (number|null);

            /** NetworkMap dnsDomain */
            dnsDomain?: (string|null);

            /** NetworkMap nodes */
            nodes?: (clusterctl.dispatcher.INetworkMapNode[]|null);

            /** NetworkMap networks */
            networks?: (clusterctl.dispatcher.INetworkMapNetwork[]|null);

            /** NetworkMap services */
            services?: (clusterctl.dispatcher.INetworkMapService[]|null);
        }

        /** Represents a NetworkMap. */
        class NetworkMap implements INetworkMap {

            /**
             * Constructs a new NetworkMap.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.INetworkMap);

            /** NetworkMap version. */
            public version: number;

            /** NetworkMap term. */
            public term: number;

            /** NetworkMap clusterCidr. */
            public clusterCidr: string;

            /** NetworkMap vipCidr. */
            public vipCidr: string;

            /** NetworkMap mtu. */
            public mtu: number;

            /** NetworkMap backend. */
            public backend: string;

            /** NetworkMap vxlanPort. */
            public vxlanPort: number;

            /** NetworkMap dnsDomain. */
            public dnsDomain: string;

            /** NetworkMap nodes. */
            public nodes: clusterctl.dispatcher.INetworkMapNode[];

            /** NetworkMap networks. */
            public networks: clusterctl.dispatcher.INetworkMapNetwork[];

            /** NetworkMap services. */
            public services: clusterctl.dispatcher.INetworkMapService[];

            /**
             * Encodes the specified NetworkMap message. Does not implicitly {@link clusterctl.dispatcher.NetworkMap.verify|verify} messages.
             * @param message NetworkMap message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.INetworkMap, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkMap message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkMap
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.NetworkMap;
        }

        /** Properties of a NetworkMapNode. */
        interface INetworkMapNode {

            /** NetworkMapNode nodeId */
            nodeId?: (string|null);

            /** NetworkMapNode addr */
            addr?: (string|null);

            /** NetworkMapNode subnet */
            subnet?: (string|null);

            /** NetworkMapNode index */
            index?: (number|null);

            /** NetworkMapNode down */
            down?: (boolean|null);

            /** NetworkMapNode dataPlane */
            dataPlane?: (boolean|null);
        }

        /** Represents a NetworkMapNode. */
        class NetworkMapNode implements INetworkMapNode {

            /**
             * Constructs a new NetworkMapNode.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.INetworkMapNode);

            /** NetworkMapNode nodeId. */
            public nodeId: string;

            /** NetworkMapNode addr. */
            public addr: string;

            /** NetworkMapNode subnet. */
            public subnet: string;

            /** NetworkMapNode index. */
            public index: number;

            /** NetworkMapNode down. */
            public down: boolean;

            /** NetworkMapNode dataPlane. */
            public dataPlane: boolean;

            /**
             * Encodes the specified NetworkMapNode message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapNode.verify|verify} messages.
             * @param message NetworkMapNode message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.INetworkMapNode, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkMapNode message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkMapNode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.NetworkMapNode;
        }

        /** Properties of a NetworkMapNetwork. */
        interface INetworkMapNetwork {

            /** NetworkMapNetwork id */
            id?: (string|null);

            /** NetworkMapNetwork name */
            name?: (string|null);
        }

        /** Represents a NetworkMapNetwork. */
        class NetworkMapNetwork implements INetworkMapNetwork {

            /**
             * Constructs a new NetworkMapNetwork.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.INetworkMapNetwork);

            /** NetworkMapNetwork id. */
            public id: string;

            /** NetworkMapNetwork name. */
            public name: string;

            /**
             * Encodes the specified NetworkMapNetwork message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapNetwork.verify|verify} messages.
             * @param message NetworkMapNetwork message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.INetworkMapNetwork, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkMapNetwork message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkMapNetwork
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.NetworkMapNetwork;
        }

        /** Properties of a NetworkMapService. */
        interface INetworkMapService {

            /** NetworkMapService id */
            id?: (string|null);

            /** NetworkMapService name */
            name?: (string|null);

            /** NetworkMapService aliases */
            aliases?: (string[]|null);

            /** NetworkMapService vip */
            vip?: (string|null);

            /** NetworkMapService endpointMode */
            endpointMode?: (string|null);

            /** NetworkMapService ports */
            ports?: (clusterctl.dispatcher.INetworkMapPort[]|null);

            /** NetworkMapService endpoints */
            endpoints?: (clusterctl.dispatcher.INetworkMapEndpoint[]|null);

            /** NetworkMapService networkIds */
            networkIds?: (string[]|null);

            /** NetworkMapService networkAliases */
            networkAliases?: (clusterctl.cluster.IStackNetworkAliases[]|null);
        }

        /** Represents a NetworkMapService. */
        class NetworkMapService implements INetworkMapService {

            /**
             * Constructs a new NetworkMapService.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.INetworkMapService);

            /** NetworkMapService id. */
            public id: string;

            /** NetworkMapService name. */
            public name: string;

            /** NetworkMapService aliases. */
            public aliases: string[];

            /** NetworkMapService vip. */
            public vip: string;

            /** NetworkMapService endpointMode. */
            public endpointMode: string;

            /** NetworkMapService ports. */
            public ports: clusterctl.dispatcher.INetworkMapPort[];

            /** NetworkMapService endpoints. */
            public endpoints: clusterctl.dispatcher.INetworkMapEndpoint[];

            /** NetworkMapService networkIds. */
            public networkIds: string[];

            /** NetworkMapService networkAliases. */
            public networkAliases: clusterctl.cluster.IStackNetworkAliases[];

            /**
             * Encodes the specified NetworkMapService message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapService.verify|verify} messages.
             * @param message NetworkMapService message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.INetworkMapService, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkMapService message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkMapService
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.NetworkMapService;
        }

        /** Properties of a NetworkMapPort. */
        interface INetworkMapPort {

            /** NetworkMapPort published */
            published?: (number|null);

            /** NetworkMapPort target */
            target?: (number|null);

            /** NetworkMapPort protocol */
            protocol?: (string|null);

            /** NetworkMapPort mode */
            mode?: (string|null);

            /** NetworkMapPort route */
            route?: (string|null);
        }

        /** Represents a NetworkMapPort. */
        class NetworkMapPort implements INetworkMapPort {

            /**
             * Constructs a new NetworkMapPort.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.INetworkMapPort);

            /** NetworkMapPort published. */
            public published: number;

            /** NetworkMapPort target. */
            public target: number;

            /** NetworkMapPort protocol. */
            public protocol: string;

            /** NetworkMapPort mode. */
            public mode: string;

            /** NetworkMapPort route. */
            public route: string;

            /**
             * Encodes the specified NetworkMapPort message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapPort.verify|verify} messages.
             * @param message NetworkMapPort message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.INetworkMapPort, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkMapPort message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkMapPort
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.NetworkMapPort;
        }

        /** Properties of a NetworkMapEndpoint. */
        interface INetworkMapEndpoint {

            /** NetworkMapEndpoint taskId */
            taskId?: (string|null);

            /** NetworkMapEndpoint nodeId */
            nodeId?: (string|null);

            /** NetworkMapEndpoint ip */
            ip?: (string|null);
        }

        /** Represents a NetworkMapEndpoint. */
        class NetworkMapEndpoint implements INetworkMapEndpoint {

            /**
             * Constructs a new NetworkMapEndpoint.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.INetworkMapEndpoint);

            /** NetworkMapEndpoint taskId. */
            public taskId: string;

            /** NetworkMapEndpoint nodeId. */
            public nodeId: string;

            /** NetworkMapEndpoint ip. */
            public ip: string;

            /**
             * Encodes the specified NetworkMapEndpoint message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapEndpoint.verify|verify} messages.
             * @param message NetworkMapEndpoint message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.INetworkMapEndpoint, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkMapEndpoint message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkMapEndpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.NetworkMapEndpoint;
        }

        /** Properties of a TaskFilesRequest. */
        interface ITaskFilesRequest {

            /** TaskFilesRequest sessionId */
            sessionId?: (string|null);

            /** TaskFilesRequest taskId */
            taskId?: (string|null);
        }

        /** Represents a TaskFilesRequest. */
        class TaskFilesRequest implements ITaskFilesRequest {

            /**
             * Constructs a new TaskFilesRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ITaskFilesRequest);

            /** TaskFilesRequest sessionId. */
            public sessionId: string;

            /** TaskFilesRequest taskId. */
            public taskId: string;

            /**
             * Encodes the specified TaskFilesRequest message. Does not implicitly {@link clusterctl.dispatcher.TaskFilesRequest.verify|verify} messages.
             * @param message TaskFilesRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ITaskFilesRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskFilesRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TaskFilesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.TaskFilesRequest;
        }

        /** Properties of a TaskFile. */
        interface ITaskFile {

            /** TaskFile kind */
            kind?: (string|null);

            /** TaskFile id */
            id?: (string|null);

            /** TaskFile data */
            data?: (Uint8Array|null);
        }

        /** Represents a TaskFile. */
        class TaskFile implements ITaskFile {

            /**
             * Constructs a new TaskFile.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ITaskFile);

            /** TaskFile kind. */
            public kind: string;

            /** TaskFile id. */
            public id: string;

            /** TaskFile data. */
            public data: Uint8Array;

            /**
             * Encodes the specified TaskFile message. Does not implicitly {@link clusterctl.dispatcher.TaskFile.verify|verify} messages.
             * @param message TaskFile message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ITaskFile, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskFile message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TaskFile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.TaskFile;
        }

        /** Properties of a TaskFilesResponse. */
        interface ITaskFilesResponse {

            /** TaskFilesResponse files */
            files?: (clusterctl.dispatcher.ITaskFile[]|null);
        }

        /** Represents a TaskFilesResponse. */
        class TaskFilesResponse implements ITaskFilesResponse {

            /**
             * Constructs a new TaskFilesResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.ITaskFilesResponse);

            /** TaskFilesResponse files. */
            public files: clusterctl.dispatcher.ITaskFile[];

            /**
             * Encodes the specified TaskFilesResponse message. Does not implicitly {@link clusterctl.dispatcher.TaskFilesResponse.verify|verify} messages.
             * @param message TaskFilesResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.ITaskFilesResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskFilesResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TaskFilesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.TaskFilesResponse;
        }

        /** Properties of an ImageInventory. */
        interface IImageInventory {

            /** ImageInventory digest */
            digest?: (string|null);

            /** ImageInventory addr */
            addr?: (string|null);

            /** ImageInventory images */
            images?: (clusterctl.dispatcher.IImageHolding[]|null);

            /** ImageInventory truncated */
            truncated?: (boolean|null);
        }

        /** Represents an ImageInventory. */
        class ImageInventory implements IImageInventory {

            /**
             * Constructs a new ImageInventory.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IImageInventory);

            /** ImageInventory digest. */
            public digest: string;

            /** ImageInventory addr. */
            public addr: string;

            /** ImageInventory images. */
            public images: clusterctl.dispatcher.IImageHolding[];

            /** ImageInventory truncated. */
            public truncated: boolean;

            /**
             * Encodes the specified ImageInventory message. Does not implicitly {@link clusterctl.dispatcher.ImageInventory.verify|verify} messages.
             * @param message ImageInventory message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IImageInventory, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ImageInventory message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ImageInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.ImageInventory;
        }

        /** Properties of an ImageHolding. */
        interface IImageHolding {

            /** ImageHolding id */
            id?: (string|null);

            /** ImageHolding repoTags */
            repoTags?: (string[]|null);

            /** ImageHolding sizeBytes */
            sizeBytes?: (number|null);

            /** ImageHolding created */
            created?: (number|null);
        }

        /** Represents an ImageHolding. */
        class ImageHolding implements IImageHolding {

            /**
             * Constructs a new ImageHolding.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IImageHolding);

            /** ImageHolding id. */
            public id: string;

            /** ImageHolding repoTags. */
            public repoTags: string[];

            /** ImageHolding sizeBytes. */
            public sizeBytes: number;

            /** ImageHolding created. */
            public created: number;

            /**
             * Encodes the specified ImageHolding message. Does not implicitly {@link clusterctl.dispatcher.ImageHolding.verify|verify} messages.
             * @param message ImageHolding message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IImageHolding, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ImageHolding message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ImageHolding
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.ImageHolding;
        }

        /** Properties of an ImageSourcesRequest. */
        interface IImageSourcesRequest {

            /** ImageSourcesRequest sessionId */
            sessionId?: (string|null);

            /** ImageSourcesRequest image */
            image?: (string|null);

            /** ImageSourcesRequest imageId */
            imageId?: (string|null);
        }

        /** Represents an ImageSourcesRequest. */
        class ImageSourcesRequest implements IImageSourcesRequest {

            /**
             * Constructs a new ImageSourcesRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IImageSourcesRequest);

            /** ImageSourcesRequest sessionId. */
            public sessionId: string;

            /** ImageSourcesRequest image. */
            public image: string;

            /** ImageSourcesRequest imageId. */
            public imageId: string;

            /**
             * Encodes the specified ImageSourcesRequest message. Does not implicitly {@link clusterctl.dispatcher.ImageSourcesRequest.verify|verify} messages.
             * @param message ImageSourcesRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IImageSourcesRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ImageSourcesRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ImageSourcesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.ImageSourcesRequest;
        }

        /** Properties of an ImageSource. */
        interface IImageSource {

            /** ImageSource nodeId */
            nodeId?: (string|null);

            /** ImageSource hostname */
            hostname?: (string|null);

            /** ImageSource addr */
            addr?: (string|null);

            /** ImageSource imageId */
            imageId?: (string|null);

            /** ImageSource sizeBytes */
            sizeBytes?: (number|null);
        }

        /** Represents an ImageSource. */
        class ImageSource implements IImageSource {

            /**
             * Constructs a new ImageSource.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IImageSource);

            /** ImageSource nodeId. */
            public nodeId: string;

            /** ImageSource hostname. */
            public hostname: string;

            /** ImageSource addr. */
            public addr: string;

            /** ImageSource imageId. */
            public imageId: string;

            /** ImageSource sizeBytes. */
            public sizeBytes: number;

            /**
             * Encodes the specified ImageSource message. Does not implicitly {@link clusterctl.dispatcher.ImageSource.verify|verify} messages.
             * @param message ImageSource message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IImageSource, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ImageSource message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ImageSource
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.ImageSource;
        }

        /** Properties of an ImageSourcesResponse. */
        interface IImageSourcesResponse {

            /** ImageSourcesResponse sources */
            sources?: (clusterctl.dispatcher.IImageSource[]|null);
        }

        /** Represents an ImageSourcesResponse. */
        class ImageSourcesResponse implements IImageSourcesResponse {

            /**
             * Constructs a new ImageSourcesResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.dispatcher.IImageSourcesResponse);

            /** ImageSourcesResponse sources. */
            public sources: clusterctl.dispatcher.IImageSource[];

            /**
             * Encodes the specified ImageSourcesResponse message. Does not implicitly {@link clusterctl.dispatcher.ImageSourcesResponse.verify|verify} messages.
             * @param message ImageSourcesResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.dispatcher.IImageSourcesResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ImageSourcesResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ImageSourcesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.dispatcher.ImageSourcesResponse;
        }

        /** Represents a Dispatcher */
        class Dispatcher extends $protobuf.rpc.Service {

            /**
             * Constructs a new Dispatcher service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Calls Session.
             * @param request SessionRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and SessionMessage
             */
            public session(request: clusterctl.dispatcher.ISessionRequest, callback: clusterctl.dispatcher.Dispatcher.SessionCallback): void;

            /**
             * Calls Session.
             * @param request SessionRequest message or plain object
             * @returns Promise
             */
            public session(request: clusterctl.dispatcher.ISessionRequest): Promise<clusterctl.dispatcher.SessionMessage>;

            /**
             * Calls Heartbeat.
             * @param request HeartbeatRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and HeartbeatResponse
             */
            public heartbeat(request: clusterctl.dispatcher.IHeartbeatRequest, callback: clusterctl.dispatcher.Dispatcher.HeartbeatCallback): void;

            /**
             * Calls Heartbeat.
             * @param request HeartbeatRequest message or plain object
             * @returns Promise
             */
            public heartbeat(request: clusterctl.dispatcher.IHeartbeatRequest): Promise<clusterctl.dispatcher.HeartbeatResponse>;

            /**
             * Calls Assignments.
             * @param request AssignmentsRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and AssignmentsMessage
             */
            public assignments(request: clusterctl.dispatcher.IAssignmentsRequest, callback: clusterctl.dispatcher.Dispatcher.AssignmentsCallback): void;

            /**
             * Calls Assignments.
             * @param request AssignmentsRequest message or plain object
             * @returns Promise
             */
            public assignments(request: clusterctl.dispatcher.IAssignmentsRequest): Promise<clusterctl.dispatcher.AssignmentsMessage>;

            /**
             * Calls UpdateTaskStatus.
             * @param request UpdateTaskStatusRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and UpdateTaskStatusResponse
             */
            public updateTaskStatus(request: clusterctl.dispatcher.IUpdateTaskStatusRequest, callback: clusterctl.dispatcher.Dispatcher.UpdateTaskStatusCallback): void;

            /**
             * Calls UpdateTaskStatus.
             * @param request UpdateTaskStatusRequest message or plain object
             * @returns Promise
             */
            public updateTaskStatus(request: clusterctl.dispatcher.IUpdateTaskStatusRequest): Promise<clusterctl.dispatcher.UpdateTaskStatusResponse>;

            /**
             * Calls LogSubscriptions.
             * @param request LogSubscriptionsRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and LogSubscription
             */
            public logSubscriptions(request: clusterctl.dispatcher.ILogSubscriptionsRequest, callback: clusterctl.dispatcher.Dispatcher.LogSubscriptionsCallback): void;

            /**
             * Calls LogSubscriptions.
             * @param request LogSubscriptionsRequest message or plain object
             * @returns Promise
             */
            public logSubscriptions(request: clusterctl.dispatcher.ILogSubscriptionsRequest): Promise<clusterctl.dispatcher.LogSubscription>;

            /**
             * Calls PublishLogs.
             * @param request PublishLogsMessage message or plain object
             * @param callback Node-style callback called with the error, if any, and PublishLogsResponse
             */
            public publishLogs(request: clusterctl.dispatcher.IPublishLogsMessage, callback: clusterctl.dispatcher.Dispatcher.PublishLogsCallback): void;

            /**
             * Calls PublishLogs.
             * @param request PublishLogsMessage message or plain object
             * @returns Promise
             */
            public publishLogs(request: clusterctl.dispatcher.IPublishLogsMessage): Promise<clusterctl.dispatcher.PublishLogsResponse>;

            /**
             * Calls NetworkMaps.
             * @param request NetworkMapRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and NetworkMap
             */
            public networkMaps(request: clusterctl.dispatcher.INetworkMapRequest, callback: clusterctl.dispatcher.Dispatcher.NetworkMapsCallback): void;

            /**
             * Calls NetworkMaps.
             * @param request NetworkMapRequest message or plain object
             * @returns Promise
             */
            public networkMaps(request: clusterctl.dispatcher.INetworkMapRequest): Promise<clusterctl.dispatcher.NetworkMap>;

            /**
             * Calls GetTaskFiles.
             * @param request TaskFilesRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and TaskFilesResponse
             */
            public getTaskFiles(request: clusterctl.dispatcher.ITaskFilesRequest, callback: clusterctl.dispatcher.Dispatcher.GetTaskFilesCallback): void;

            /**
             * Calls GetTaskFiles.
             * @param request TaskFilesRequest message or plain object
             * @returns Promise
             */
            public getTaskFiles(request: clusterctl.dispatcher.ITaskFilesRequest): Promise<clusterctl.dispatcher.TaskFilesResponse>;

            /**
             * Calls ImageSources.
             * @param request ImageSourcesRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ImageSourcesResponse
             */
            public imageSources(request: clusterctl.dispatcher.IImageSourcesRequest, callback: clusterctl.dispatcher.Dispatcher.ImageSourcesCallback): void;

            /**
             * Calls ImageSources.
             * @param request ImageSourcesRequest message or plain object
             * @returns Promise
             */
            public imageSources(request: clusterctl.dispatcher.IImageSourcesRequest): Promise<clusterctl.dispatcher.ImageSourcesResponse>;
        }

        namespace Dispatcher {

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#session}.
             * @param error Error, if any
             * @param [response] SessionMessage
             */
            type SessionCallback = (error: (Error|null), response?: clusterctl.dispatcher.SessionMessage) => void;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#heartbeat}.
             * @param error Error, if any
             * @param [response] HeartbeatResponse
             */
            type HeartbeatCallback = (error: (Error|null), response?: clusterctl.dispatcher.HeartbeatResponse) => void;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#assignments}.
             * @param error Error, if any
             * @param [response] AssignmentsMessage
             */
            type AssignmentsCallback = (error: (Error|null), response?: clusterctl.dispatcher.AssignmentsMessage) => void;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#updateTaskStatus}.
             * @param error Error, if any
             * @param [response] UpdateTaskStatusResponse
             */
            type UpdateTaskStatusCallback = (error: (Error|null), response?: clusterctl.dispatcher.UpdateTaskStatusResponse) => void;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#logSubscriptions}.
             * @param error Error, if any
             * @param [response] LogSubscription
             */
            type LogSubscriptionsCallback = (error: (Error|null), response?: clusterctl.dispatcher.LogSubscription) => void;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#publishLogs}.
             * @param error Error, if any
             * @param [response] PublishLogsResponse
             */
            type PublishLogsCallback = (error: (Error|null), response?: clusterctl.dispatcher.PublishLogsResponse) => void;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#networkMaps}.
             * @param error Error, if any
             * @param [response] NetworkMap
             */
            type NetworkMapsCallback = (error: (Error|null), response?: clusterctl.dispatcher.NetworkMap) => void;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#getTaskFiles}.
             * @param error Error, if any
             * @param [response] TaskFilesResponse
             */
            type GetTaskFilesCallback = (error: (Error|null), response?: clusterctl.dispatcher.TaskFilesResponse) => void;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#imageSources}.
             * @param error Error, if any
             * @param [response] ImageSourcesResponse
             */
            type ImageSourcesCallback = (error: (Error|null), response?: clusterctl.dispatcher.ImageSourcesResponse) => void;
        }
    }

    /** Namespace images. */
    namespace images {

        /** Properties of a FetchImageRequest. */
        interface IFetchImageRequest {

            /** FetchImageRequest image */
            image?: (string|null);

            /** FetchImageRequest imageId */
            imageId?: (string|null);
        }

        /** Represents a FetchImageRequest. */
        class FetchImageRequest implements IFetchImageRequest {

            /**
             * Constructs a new FetchImageRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.images.IFetchImageRequest);

            /** FetchImageRequest image. */
            public image: string;

            /** FetchImageRequest imageId. */
            public imageId: string;

            /**
             * Encodes the specified FetchImageRequest message. Does not implicitly {@link clusterctl.images.FetchImageRequest.verify|verify} messages.
             * @param message FetchImageRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.images.IFetchImageRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FetchImageRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns FetchImageRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.images.FetchImageRequest;
        }

        /** Properties of an ImageChunk. */
        interface IImageChunk {

            /** ImageChunk imageId */
            imageId?: (string|null);

            /** ImageChunk sizeBytes */
            sizeBytes?: (number|null);

            /** ImageChunk data */
            data?: (Uint8Array|null);
        }

        /** Represents an ImageChunk. */
        class ImageChunk implements IImageChunk {

            /**
             * Constructs a new ImageChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.images.IImageChunk);

            /** ImageChunk imageId. */
            public imageId: string;

            /** ImageChunk sizeBytes. */
            public sizeBytes: number;

            /** ImageChunk data. */
            public data: Uint8Array;

            /**
             * Encodes the specified ImageChunk message. Does not implicitly {@link clusterctl.images.ImageChunk.verify|verify} messages.
             * @param message ImageChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.images.IImageChunk, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ImageChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ImageChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.images.ImageChunk;
        }

        /** Represents an ImageShipping */
        class ImageShipping extends $protobuf.rpc.Service {

            /**
             * Constructs a new ImageShipping service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Calls FetchImage.
             * @param request FetchImageRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ImageChunk
             */
            public fetchImage(request: clusterctl.images.IFetchImageRequest, callback: clusterctl.images.ImageShipping.FetchImageCallback): void;

            /**
             * Calls FetchImage.
             * @param request FetchImageRequest message or plain object
             * @returns Promise
             */
            public fetchImage(request: clusterctl.images.IFetchImageRequest): Promise<clusterctl.images.ImageChunk>;
        }

        namespace ImageShipping {

            /**
             * Callback as used by {@link clusterctl.images.ImageShipping#fetchImage}.
             * @param error Error, if any
             * @param [response] ImageChunk
             */
            type FetchImageCallback = (error: (Error|null), response?: clusterctl.images.ImageChunk) => void;
        }
    }

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

    /** Namespace local. */
    namespace local {

        /** Properties of an InfoRequest. */
        interface IInfoRequest {
        }

        /** Represents an InfoRequest. */
        class InfoRequest implements IInfoRequest {

            /**
             * Constructs a new InfoRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.IInfoRequest);

            /**
             * Encodes the specified InfoRequest message. Does not implicitly {@link clusterctl.local.InfoRequest.verify|verify} messages.
             * @param message InfoRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.IInfoRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InfoRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns InfoRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.InfoRequest;
        }

        /** Properties of an InfoResponse. */
        interface IInfoResponse {

            /** InfoResponse nodeId */
            nodeId?: (string|null);

            /** InfoResponse role */
            role?: (string|null);

            /** InfoResponse clusterId */
            clusterId?: (string|null);

            /** InfoResponse hostname */
            hostname?: (string|null);

            /** InfoResponse managerAddrs */
            managerAddrs?: (string[]|null);

            /** InfoResponse leaderAddr */
            leaderAddr?: (string|null);

            /** InfoResponse isLeader */
            isLeader?: (boolean|null);

            /** InfoResponse listenAddr */
            listenAddr?: (string|null);

            /** InfoResponse advertiseAddr */
            advertiseAddr?: (string|null);

            /** InfoResponse dataDir */
            dataDir?: (string|null);

            /** InfoResponse pid */
            pid?: (number|null);

            /** InfoResponse agentConnected */
            agentConnected?: (boolean|null);

            /** InfoResponse agentSessionAddr */
            agentSessionAddr?: (string|null);

            /** InfoResponse tasks */
            tasks?: (number|null);

            /** InfoResponse startedAt */
            startedAt?: (number|null);

            /** InfoResponse version */
            version?: (string|null);

            /** InfoResponse locked */
            locked?: (boolean|null);
        }

        /** Represents an InfoResponse. */
        class InfoResponse implements IInfoResponse {

            /**
             * Constructs a new InfoResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.IInfoResponse);

            /** InfoResponse nodeId. */
            public nodeId: string;

            /** InfoResponse role. */
            public role: string;

            /** InfoResponse clusterId. */
            public clusterId: string;

            /** InfoResponse hostname. */
            public hostname: string;

            /** InfoResponse managerAddrs. */
            public managerAddrs: string[];

            /** InfoResponse leaderAddr. */
            public leaderAddr: string;

            /** InfoResponse isLeader. */
            public isLeader: boolean;

            /** InfoResponse listenAddr. */
            public listenAddr: string;

            /** InfoResponse advertiseAddr. */
            public advertiseAddr: string;

            /** InfoResponse dataDir. */
            public dataDir: string;

            /** InfoResponse pid. */
            public pid: number;

            /** InfoResponse agentConnected. */
            public agentConnected: boolean;

            /** InfoResponse agentSessionAddr. */
            public agentSessionAddr: string;

            /** InfoResponse tasks. */
            public tasks: number;

            /** InfoResponse startedAt. */
            public startedAt: number;

            /** InfoResponse version. */
            public version: string;

            /** InfoResponse locked. */
            public locked: boolean;

            /**
             * Encodes the specified InfoResponse message. Does not implicitly {@link clusterctl.local.InfoResponse.verify|verify} messages.
             * @param message InfoResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.IInfoResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InfoResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns InfoResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.InfoResponse;
        }

        /** Properties of a LeaveRequest. */
        interface ILeaveRequest {

            /** LeaveRequest force */
            force?: (boolean|null);
        }

        /** Represents a LeaveRequest. */
        class LeaveRequest implements ILeaveRequest {

            /**
             * Constructs a new LeaveRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.ILeaveRequest);

            /** LeaveRequest force. */
            public force: boolean;

            /**
             * Encodes the specified LeaveRequest message. Does not implicitly {@link clusterctl.local.LeaveRequest.verify|verify} messages.
             * @param message LeaveRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.ILeaveRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaveRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaveRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.LeaveRequest;
        }

        /** Properties of a LeaveResponse. */
        interface ILeaveResponse {

            /** LeaveResponse nodeId */
            nodeId?: (string|null);

            /** LeaveResponse containersRemoved */
            containersRemoved?: (number|null);
        }

        /** Represents a LeaveResponse. */
        class LeaveResponse implements ILeaveResponse {

            /**
             * Constructs a new LeaveResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.ILeaveResponse);

            /** LeaveResponse nodeId. */
            public nodeId: string;

            /** LeaveResponse containersRemoved. */
            public containersRemoved: number;

            /**
             * Encodes the specified LeaveResponse message. Does not implicitly {@link clusterctl.local.LeaveResponse.verify|verify} messages.
             * @param message LeaveResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.ILeaveResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaveResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns LeaveResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.LeaveResponse;
        }

        /** Properties of a BackupRequest. */
        interface IBackupRequest {
        }

        /** Represents a BackupRequest. */
        class BackupRequest implements IBackupRequest {

            /**
             * Constructs a new BackupRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.IBackupRequest);

            /**
             * Encodes the specified BackupRequest message. Does not implicitly {@link clusterctl.local.BackupRequest.verify|verify} messages.
             * @param message BackupRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.IBackupRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BackupRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns BackupRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.BackupRequest;
        }

        /** Properties of a BackupChunk. */
        interface IBackupChunk {

            /** BackupChunk data */
            data?: (Uint8Array|null);

            /** BackupChunk raftIndex */
            raftIndex?: (number|null);

            /** BackupChunk raftTerm */
            raftTerm?: (number|null);

            /** BackupChunk clusterId */
            clusterId?: (string|null);

            /** BackupChunk totalBytes */
            totalBytes?: (number|null);
        }

        /** Represents a BackupChunk. */
        class BackupChunk implements IBackupChunk {

            /**
             * Constructs a new BackupChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.IBackupChunk);

            /** BackupChunk data. */
            public data: Uint8Array;

            /** BackupChunk raftIndex. */
            public raftIndex: number;

            /** BackupChunk raftTerm. */
            public raftTerm: number;

            /** BackupChunk clusterId. */
            public clusterId: string;

            /** BackupChunk totalBytes. */
            public totalBytes: number;

            /**
             * Encodes the specified BackupChunk message. Does not implicitly {@link clusterctl.local.BackupChunk.verify|verify} messages.
             * @param message BackupChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.IBackupChunk, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BackupChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns BackupChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.BackupChunk;
        }

        /** Properties of an UnlockRequest. */
        interface IUnlockRequest {

            /** UnlockRequest unlockKey */
            unlockKey?: (string|null);
        }

        /** Represents an UnlockRequest. */
        class UnlockRequest implements IUnlockRequest {

            /**
             * Constructs a new UnlockRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.IUnlockRequest);

            /** UnlockRequest unlockKey. */
            public unlockKey: string;

            /**
             * Encodes the specified UnlockRequest message. Does not implicitly {@link clusterctl.local.UnlockRequest.verify|verify} messages.
             * @param message UnlockRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.IUnlockRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UnlockRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UnlockRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.UnlockRequest;
        }

        /** Properties of an UnlockResponse. */
        interface IUnlockResponse {
        }

        /** Represents an UnlockResponse. */
        class UnlockResponse implements IUnlockResponse {

            /**
             * Constructs a new UnlockResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.IUnlockResponse);

            /**
             * Encodes the specified UnlockResponse message. Does not implicitly {@link clusterctl.local.UnlockResponse.verify|verify} messages.
             * @param message UnlockResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.IUnlockResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UnlockResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns UnlockResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.UnlockResponse;
        }

        /** Properties of a DashboardLoginRequest. */
        interface IDashboardLoginRequest {

            /** DashboardLoginRequest ttlMs */
            ttlMs?: (number|null);

            /** DashboardLoginRequest allowActions */
            allowActions?: (boolean|null);
        }

        /** Represents a DashboardLoginRequest. */
        class DashboardLoginRequest implements IDashboardLoginRequest {

            /**
             * Constructs a new DashboardLoginRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.IDashboardLoginRequest);

            /** DashboardLoginRequest ttlMs. */
            public ttlMs: number;

            /** DashboardLoginRequest allowActions. */
            public allowActions: boolean;

            /**
             * Encodes the specified DashboardLoginRequest message. Does not implicitly {@link clusterctl.local.DashboardLoginRequest.verify|verify} messages.
             * @param message DashboardLoginRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.IDashboardLoginRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DashboardLoginRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns DashboardLoginRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.DashboardLoginRequest;
        }

        /** Properties of a DashboardLoginResponse. */
        interface IDashboardLoginResponse {

            /** DashboardLoginResponse url */
            url?: (string|null);

            /** DashboardLoginResponse token */
            token?: (string|null);

            /** DashboardLoginResponse expiresAt */
            expiresAt?: (number|null);

            /** DashboardLoginResponse allowActions */
            allowActions?: (boolean|null);

            /** DashboardLoginResponse addr */
            addr?: (string|null);
        }

        /** Represents a DashboardLoginResponse. */
        class DashboardLoginResponse implements IDashboardLoginResponse {

            /**
             * Constructs a new DashboardLoginResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clusterctl.local.IDashboardLoginResponse);

            /** DashboardLoginResponse url. */
            public url: string;

            /** DashboardLoginResponse token. */
            public token: string;

            /** DashboardLoginResponse expiresAt. */
            public expiresAt: number;

            /** DashboardLoginResponse allowActions. */
            public allowActions: boolean;

            /** DashboardLoginResponse addr. */
            public addr: string;

            /**
             * Encodes the specified DashboardLoginResponse message. Does not implicitly {@link clusterctl.local.DashboardLoginResponse.verify|verify} messages.
             * @param message DashboardLoginResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: clusterctl.local.IDashboardLoginResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DashboardLoginResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns DashboardLoginResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clusterctl.local.DashboardLoginResponse;
        }

        /** Represents a Local */
        class Local extends $protobuf.rpc.Service {

            /**
             * Constructs a new Local service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Calls Info.
             * @param request InfoRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and InfoResponse
             */
            public info(request: clusterctl.local.IInfoRequest, callback: clusterctl.local.Local.InfoCallback): void;

            /**
             * Calls Info.
             * @param request InfoRequest message or plain object
             * @returns Promise
             */
            public info(request: clusterctl.local.IInfoRequest): Promise<clusterctl.local.InfoResponse>;

            /**
             * Calls Leave.
             * @param request LeaveRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and LeaveResponse
             */
            public leave(request: clusterctl.local.ILeaveRequest, callback: clusterctl.local.Local.LeaveCallback): void;

            /**
             * Calls Leave.
             * @param request LeaveRequest message or plain object
             * @returns Promise
             */
            public leave(request: clusterctl.local.ILeaveRequest): Promise<clusterctl.local.LeaveResponse>;

            /**
             * Calls Backup.
             * @param request BackupRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and BackupChunk
             */
            public backup(request: clusterctl.local.IBackupRequest, callback: clusterctl.local.Local.BackupCallback): void;

            /**
             * Calls Backup.
             * @param request BackupRequest message or plain object
             * @returns Promise
             */
            public backup(request: clusterctl.local.IBackupRequest): Promise<clusterctl.local.BackupChunk>;

            /**
             * Calls Unlock.
             * @param request UnlockRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and UnlockResponse
             */
            public unlock(request: clusterctl.local.IUnlockRequest, callback: clusterctl.local.Local.UnlockCallback): void;

            /**
             * Calls Unlock.
             * @param request UnlockRequest message or plain object
             * @returns Promise
             */
            public unlock(request: clusterctl.local.IUnlockRequest): Promise<clusterctl.local.UnlockResponse>;

            /**
             * Calls DashboardLogin.
             * @param request DashboardLoginRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and DashboardLoginResponse
             */
            public dashboardLogin(request: clusterctl.local.IDashboardLoginRequest, callback: clusterctl.local.Local.DashboardLoginCallback): void;

            /**
             * Calls DashboardLogin.
             * @param request DashboardLoginRequest message or plain object
             * @returns Promise
             */
            public dashboardLogin(request: clusterctl.local.IDashboardLoginRequest): Promise<clusterctl.local.DashboardLoginResponse>;
        }

        namespace Local {

            /**
             * Callback as used by {@link clusterctl.local.Local#info}.
             * @param error Error, if any
             * @param [response] InfoResponse
             */
            type InfoCallback = (error: (Error|null), response?: clusterctl.local.InfoResponse) => void;

            /**
             * Callback as used by {@link clusterctl.local.Local#leave}.
             * @param error Error, if any
             * @param [response] LeaveResponse
             */
            type LeaveCallback = (error: (Error|null), response?: clusterctl.local.LeaveResponse) => void;

            /**
             * Callback as used by {@link clusterctl.local.Local#backup}.
             * @param error Error, if any
             * @param [response] BackupChunk
             */
            type BackupCallback = (error: (Error|null), response?: clusterctl.local.BackupChunk) => void;

            /**
             * Callback as used by {@link clusterctl.local.Local#unlock}.
             * @param error Error, if any
             * @param [response] UnlockResponse
             */
            type UnlockCallback = (error: (Error|null), response?: clusterctl.local.UnlockResponse) => void;

            /**
             * Callback as used by {@link clusterctl.local.Local#dashboardLogin}.
             * @param error Error, if any
             * @param [response] DashboardLoginResponse
             */
            type DashboardLoginCallback = (error: (Error|null), response?: clusterctl.local.DashboardLoginResponse) => void;
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
