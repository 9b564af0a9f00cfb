/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
"use strict";

var $protobuf = require("protobufjs/minimal");
$protobuf.util.Long = undefined;
$protobuf.configure();

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.clusterctl = (function() {

    /**
     * Namespace clusterctl.
     * @exports clusterctl
     * @namespace
     */
    var clusterctl = {};

    clusterctl.ca = (function() {

        /**
         * Namespace ca.
         * @memberof clusterctl
         * @namespace
         */
        var ca = {};

        ca.GetRootCaRequest = (function() {

            /**
             * Properties of a GetRootCaRequest.
             * @memberof clusterctl.ca
             * @interface IGetRootCaRequest
             */

            /**
             * Constructs a new GetRootCaRequest.
             * @memberof clusterctl.ca
             * @classdesc Represents a GetRootCaRequest.
             * @implements IGetRootCaRequest
             * @constructor
             * @param {clusterctl.ca.IGetRootCaRequest=} [properties] Properties to set
             */
            function GetRootCaRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified GetRootCaRequest message. Does not implicitly {@link clusterctl.ca.GetRootCaRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.ca.GetRootCaRequest
             * @static
             * @param {clusterctl.ca.IGetRootCaRequest} message GetRootCaRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetRootCaRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes a GetRootCaRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.ca.GetRootCaRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.ca.GetRootCaRequest} GetRootCaRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetRootCaRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.ca.GetRootCaRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetRootCaRequest;
        })();

        ca.GetRootCaResponse = (function() {

            /**
             * Properties of a GetRootCaResponse.
             * @memberof clusterctl.ca
             * @interface IGetRootCaResponse
             * @property {string|null} [caCertPem] GetRootCaResponse caCertPem
             */

            /**
             * Constructs a new GetRootCaResponse.
             * @memberof clusterctl.ca
             * @classdesc Represents a GetRootCaResponse.
             * @implements IGetRootCaResponse
             * @constructor
             * @param {clusterctl.ca.IGetRootCaResponse=} [properties] Properties to set
             */
            function GetRootCaResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetRootCaResponse caCertPem.
             * @member {string} caCertPem
             * @memberof clusterctl.ca.GetRootCaResponse
             * @instance
             */
            GetRootCaResponse.prototype.caCertPem = "";

            /**
             * Encodes the specified GetRootCaResponse message. Does not implicitly {@link clusterctl.ca.GetRootCaResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.ca.GetRootCaResponse
             * @static
             * @param {clusterctl.ca.IGetRootCaResponse} message GetRootCaResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetRootCaResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.caCertPem != null && Object.hasOwnProperty.call(message, "caCertPem"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.caCertPem);
                return writer;
            };

            /**
             * Decodes a GetRootCaResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.ca.GetRootCaResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.ca.GetRootCaResponse} GetRootCaResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetRootCaResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.ca.GetRootCaResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.caCertPem = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetRootCaResponse;
        })();

        ca.JoinRequest = (function() {

            /**
             * Properties of a JoinRequest.
             * @memberof clusterctl.ca
             * @interface IJoinRequest
             * @property {string|null} [token] JoinRequest token
             * @property {string|null} [csrPem] JoinRequest csrPem
             * @property {string|null} [hostname] JoinRequest hostname
             * @property {string|null} [advertiseAddr] JoinRequest advertiseAddr
             * @property {string|null} [listenAddr] JoinRequest listenAddr
             */

            /**
             * Constructs a new JoinRequest.
             * @memberof clusterctl.ca
             * @classdesc Represents a JoinRequest.
             * @implements IJoinRequest
             * @constructor
             * @param {clusterctl.ca.IJoinRequest=} [properties] Properties to set
             */
            function JoinRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * JoinRequest token.
             * @member {string} token
             * @memberof clusterctl.ca.JoinRequest
             * @instance
             */
            JoinRequest.prototype.token = "";

            /**
             * JoinRequest csrPem.
             * @member {string} csrPem
             * @memberof clusterctl.ca.JoinRequest
             * @instance
             */
            JoinRequest.prototype.csrPem = "";

            /**
             * JoinRequest hostname.
             * @member {string} hostname
             * @memberof clusterctl.ca.JoinRequest
             * @instance
             */
            JoinRequest.prototype.hostname = "";

            /**
             * JoinRequest advertiseAddr.
             * @member {string} advertiseAddr
             * @memberof clusterctl.ca.JoinRequest
             * @instance
             */
            JoinRequest.prototype.advertiseAddr = "";

            /**
             * JoinRequest listenAddr.
             * @member {string} listenAddr
             * @memberof clusterctl.ca.JoinRequest
             * @instance
             */
            JoinRequest.prototype.listenAddr = "";

            /**
             * Encodes the specified JoinRequest message. Does not implicitly {@link clusterctl.ca.JoinRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.ca.JoinRequest
             * @static
             * @param {clusterctl.ca.IJoinRequest} message JoinRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JoinRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.token != null && Object.hasOwnProperty.call(message, "token"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.token);
                if (message.csrPem != null && Object.hasOwnProperty.call(message, "csrPem"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.csrPem);
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.hostname);
                if (message.advertiseAddr != null && Object.hasOwnProperty.call(message, "advertiseAddr"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.advertiseAddr);
                if (message.listenAddr != null && Object.hasOwnProperty.call(message, "listenAddr"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.listenAddr);
                return writer;
            };

            /**
             * Decodes a JoinRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.ca.JoinRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.ca.JoinRequest} JoinRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JoinRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.ca.JoinRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.token = reader.string();
                            break;
                        }
                    case 2: {
                            message.csrPem = reader.string();
                            break;
                        }
                    case 3: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 4: {
                            message.advertiseAddr = reader.string();
                            break;
                        }
                    case 5: {
                            message.listenAddr = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return JoinRequest;
        })();

        ca.Peer = (function() {

            /**
             * Properties of a Peer.
             * @memberof clusterctl.ca
             * @interface IPeer
             * @property {number|null} [raftId] Peer raftId
             * @property {string|null} [nodeId] Peer nodeId
             * @property {string|null} [addr] Peer addr
             */

            /**
             * Constructs a new Peer.
             * @memberof clusterctl.ca
             * @classdesc Represents a Peer.
             * @implements IPeer
             * @constructor
             * @param {clusterctl.ca.IPeer=} [properties] Properties to set
             */
            function Peer(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Peer raftId.
             * @member {number} raftId
             * @memberof clusterctl.ca.Peer
             * @instance
             */
            Peer.prototype.raftId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Peer nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.ca.Peer
             * @instance
             */
            Peer.prototype.nodeId = "";

            /**
             * Peer addr.
             * @member {string} addr
             * @memberof clusterctl.ca.Peer
             * @instance
             */
            Peer.prototype.addr = "";

            /**
             * Encodes the specified Peer message. Does not implicitly {@link clusterctl.ca.Peer.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.ca.Peer
             * @static
             * @param {clusterctl.ca.IPeer} message Peer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Peer.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.raftId != null && Object.hasOwnProperty.call(message, "raftId"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.raftId);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nodeId);
                if (message.addr != null && Object.hasOwnProperty.call(message, "addr"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.addr);
                return writer;
            };

            /**
             * Decodes a Peer message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.ca.Peer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.ca.Peer} Peer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Peer.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.ca.Peer();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.raftId = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 3: {
                            message.addr = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Peer;
        })();

        ca.JoinResponse = (function() {

            /**
             * Properties of a JoinResponse.
             * @memberof clusterctl.ca
             * @interface IJoinResponse
             * @property {string|null} [nodeId] JoinResponse nodeId
             * @property {string|null} [role] JoinResponse role
             * @property {string|null} [certPem] JoinResponse certPem
             * @property {string|null} [caCertPem] JoinResponse caCertPem
             * @property {string|null} [clusterId] JoinResponse clusterId
             * @property {number|null} [raftId] JoinResponse raftId
             * @property {Array.<clusterctl.ca.IPeer>|null} [managers] JoinResponse managers
             */

            /**
             * Constructs a new JoinResponse.
             * @memberof clusterctl.ca
             * @classdesc Represents a JoinResponse.
             * @implements IJoinResponse
             * @constructor
             * @param {clusterctl.ca.IJoinResponse=} [properties] Properties to set
             */
            function JoinResponse(properties) {
                this.managers = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * JoinResponse nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.ca.JoinResponse
             * @instance
             */
            JoinResponse.prototype.nodeId = "";

            /**
             * JoinResponse role.
             * @member {string} role
             * @memberof clusterctl.ca.JoinResponse
             * @instance
             */
            JoinResponse.prototype.role = "";

            /**
             * JoinResponse certPem.
             * @member {string} certPem
             * @memberof clusterctl.ca.JoinResponse
             * @instance
             */
            JoinResponse.prototype.certPem = "";

            /**
             * JoinResponse caCertPem.
             * @member {string} caCertPem
             * @memberof clusterctl.ca.JoinResponse
             * @instance
             */
            JoinResponse.prototype.caCertPem = "";

            /**
             * JoinResponse clusterId.
             * @member {string} clusterId
             * @memberof clusterctl.ca.JoinResponse
             * @instance
             */
            JoinResponse.prototype.clusterId = "";

            /**
             * JoinResponse raftId.
             * @member {number} raftId
             * @memberof clusterctl.ca.JoinResponse
             * @instance
             */
            JoinResponse.prototype.raftId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JoinResponse managers.
             * @member {Array.<clusterctl.ca.IPeer>} managers
             * @memberof clusterctl.ca.JoinResponse
             * @instance
             */
            JoinResponse.prototype.managers = $util.emptyArray;

            /**
             * Encodes the specified JoinResponse message. Does not implicitly {@link clusterctl.ca.JoinResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.ca.JoinResponse
             * @static
             * @param {clusterctl.ca.IJoinResponse} message JoinResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JoinResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.nodeId);
                if (message.role != null && Object.hasOwnProperty.call(message, "role"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.role);
                if (message.certPem != null && Object.hasOwnProperty.call(message, "certPem"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.certPem);
                if (message.caCertPem != null && Object.hasOwnProperty.call(message, "caCertPem"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.caCertPem);
                if (message.clusterId != null && Object.hasOwnProperty.call(message, "clusterId"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.clusterId);
                if (message.raftId != null && Object.hasOwnProperty.call(message, "raftId"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.raftId);
                if (message.managers != null && message.managers.length)
                    for (var i = 0; i < message.managers.length; ++i)
                        $root.clusterctl.ca.Peer.encode(message.managers[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a JoinResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.ca.JoinResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.ca.JoinResponse} JoinResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JoinResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.ca.JoinResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 2: {
                            message.role = reader.string();
                            break;
                        }
                    case 3: {
                            message.certPem = reader.string();
                            break;
                        }
                    case 4: {
                            message.caCertPem = reader.string();
                            break;
                        }
                    case 5: {
                            message.clusterId = reader.string();
                            break;
                        }
                    case 6: {
                            message.raftId = reader.uint64();
                            break;
                        }
                    case 7: {
                            if (!(message.managers && message.managers.length))
                                message.managers = [];
                            message.managers.push($root.clusterctl.ca.Peer.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return JoinResponse;
        })();

        ca.RenewRequest = (function() {

            /**
             * Properties of a RenewRequest.
             * @memberof clusterctl.ca
             * @interface IRenewRequest
             * @property {string|null} [csrPem] RenewRequest csrPem
             * @property {string|null} [advertiseAddr] RenewRequest advertiseAddr
             */

            /**
             * Constructs a new RenewRequest.
             * @memberof clusterctl.ca
             * @classdesc Represents a RenewRequest.
             * @implements IRenewRequest
             * @constructor
             * @param {clusterctl.ca.IRenewRequest=} [properties] Properties to set
             */
            function RenewRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RenewRequest csrPem.
             * @member {string} csrPem
             * @memberof clusterctl.ca.RenewRequest
             * @instance
             */
            RenewRequest.prototype.csrPem = "";

            /**
             * RenewRequest advertiseAddr.
             * @member {string} advertiseAddr
             * @memberof clusterctl.ca.RenewRequest
             * @instance
             */
            RenewRequest.prototype.advertiseAddr = "";

            /**
             * Encodes the specified RenewRequest message. Does not implicitly {@link clusterctl.ca.RenewRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.ca.RenewRequest
             * @static
             * @param {clusterctl.ca.IRenewRequest} message RenewRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RenewRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.csrPem != null && Object.hasOwnProperty.call(message, "csrPem"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.csrPem);
                if (message.advertiseAddr != null && Object.hasOwnProperty.call(message, "advertiseAddr"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.advertiseAddr);
                return writer;
            };

            /**
             * Decodes a RenewRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.ca.RenewRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.ca.RenewRequest} RenewRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RenewRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.ca.RenewRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.csrPem = reader.string();
                            break;
                        }
                    case 2: {
                            message.advertiseAddr = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RenewRequest;
        })();

        ca.RenewResponse = (function() {

            /**
             * Properties of a RenewResponse.
             * @memberof clusterctl.ca
             * @interface IRenewResponse
             * @property {string|null} [certPem] RenewResponse certPem
             * @property {string|null} [role] RenewResponse role
             * @property {number|null} [raftId] RenewResponse raftId
             * @property {Array.<clusterctl.ca.IPeer>|null} [managers] RenewResponse managers
             * @property {string|null} [caCertPem] RenewResponse caCertPem
             */

            /**
             * Constructs a new RenewResponse.
             * @memberof clusterctl.ca
             * @classdesc Represents a RenewResponse.
             * @implements IRenewResponse
             * @constructor
             * @param {clusterctl.ca.IRenewResponse=} [properties] Properties to set
             */
            function RenewResponse(properties) {
                this.managers = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RenewResponse certPem.
             * @member {string} certPem
             * @memberof clusterctl.ca.RenewResponse
             * @instance
             */
            RenewResponse.prototype.certPem = "";

            /**
             * RenewResponse role.
             * @member {string} role
             * @memberof clusterctl.ca.RenewResponse
             * @instance
             */
            RenewResponse.prototype.role = "";

            /**
             * RenewResponse raftId.
             * @member {number} raftId
             * @memberof clusterctl.ca.RenewResponse
             * @instance
             */
            RenewResponse.prototype.raftId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RenewResponse managers.
             * @member {Array.<clusterctl.ca.IPeer>} managers
             * @memberof clusterctl.ca.RenewResponse
             * @instance
             */
            RenewResponse.prototype.managers = $util.emptyArray;

            /**
             * RenewResponse caCertPem.
             * @member {string} caCertPem
             * @memberof clusterctl.ca.RenewResponse
             * @instance
             */
            RenewResponse.prototype.caCertPem = "";

            /**
             * Encodes the specified RenewResponse message. Does not implicitly {@link clusterctl.ca.RenewResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.ca.RenewResponse
             * @static
             * @param {clusterctl.ca.IRenewResponse} message RenewResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RenewResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.certPem != null && Object.hasOwnProperty.call(message, "certPem"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.certPem);
                if (message.role != null && Object.hasOwnProperty.call(message, "role"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.role);
                if (message.raftId != null && Object.hasOwnProperty.call(message, "raftId"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.raftId);
                if (message.managers != null && message.managers.length)
                    for (var i = 0; i < message.managers.length; ++i)
                        $root.clusterctl.ca.Peer.encode(message.managers[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.caCertPem != null && Object.hasOwnProperty.call(message, "caCertPem"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.caCertPem);
                return writer;
            };

            /**
             * Decodes a RenewResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.ca.RenewResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.ca.RenewResponse} RenewResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RenewResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.ca.RenewResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.certPem = reader.string();
                            break;
                        }
                    case 2: {
                            message.role = reader.string();
                            break;
                        }
                    case 3: {
                            message.raftId = reader.uint64();
                            break;
                        }
                    case 4: {
                            if (!(message.managers && message.managers.length))
                                message.managers = [];
                            message.managers.push($root.clusterctl.ca.Peer.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 5: {
                            message.caCertPem = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RenewResponse;
        })();

        ca.NodeCA = (function() {

            /**
             * Constructs a new NodeCA service.
             * @memberof clusterctl.ca
             * @classdesc Represents a NodeCA
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function NodeCA(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (NodeCA.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = NodeCA;

            /**
             * Callback as used by {@link clusterctl.ca.NodeCA#getRootCa}.
             * @memberof clusterctl.ca.NodeCA
             * @typedef GetRootCaCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.ca.GetRootCaResponse} [response] GetRootCaResponse
             */

            /**
             * Calls GetRootCa.
             * @function getRootCa
             * @memberof clusterctl.ca.NodeCA
             * @instance
             * @param {clusterctl.ca.IGetRootCaRequest} request GetRootCaRequest message or plain object
             * @param {clusterctl.ca.NodeCA.GetRootCaCallback} callback Node-style callback called with the error, if any, and GetRootCaResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(NodeCA.prototype.getRootCa = function getRootCa(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getRootCa, $root.clusterctl.ca.GetRootCaRequest, $root.clusterctl.ca.GetRootCaResponse, request, callback);
            }, "name", { value: "GetRootCa" });

            /**
             * Calls GetRootCa.
             * @function getRootCa
             * @memberof clusterctl.ca.NodeCA
             * @instance
             * @param {clusterctl.ca.IGetRootCaRequest} request GetRootCaRequest message or plain object
             * @returns {Promise<clusterctl.ca.GetRootCaResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.ca.NodeCA#join}.
             * @memberof clusterctl.ca.NodeCA
             * @typedef JoinCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.ca.JoinResponse} [response] JoinResponse
             */

            /**
             * Calls Join.
             * @function join
             * @memberof clusterctl.ca.NodeCA
             * @instance
             * @param {clusterctl.ca.IJoinRequest} request JoinRequest message or plain object
             * @param {clusterctl.ca.NodeCA.JoinCallback} callback Node-style callback called with the error, if any, and JoinResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(NodeCA.prototype.join = function join(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, join, $root.clusterctl.ca.JoinRequest, $root.clusterctl.ca.JoinResponse, request, callback);
            }, "name", { value: "Join" });

            /**
             * Calls Join.
             * @function join
             * @memberof clusterctl.ca.NodeCA
             * @instance
             * @param {clusterctl.ca.IJoinRequest} request JoinRequest message or plain object
             * @returns {Promise<clusterctl.ca.JoinResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.ca.NodeCA#renew}.
             * @memberof clusterctl.ca.NodeCA
             * @typedef RenewCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.ca.RenewResponse} [response] RenewResponse
             */

            /**
             * Calls Renew.
             * @function renew
             * @memberof clusterctl.ca.NodeCA
             * @instance
             * @param {clusterctl.ca.IRenewRequest} request RenewRequest message or plain object
             * @param {clusterctl.ca.NodeCA.RenewCallback} callback Node-style callback called with the error, if any, and RenewResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(NodeCA.prototype.renew = function renew(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, renew, $root.clusterctl.ca.RenewRequest, $root.clusterctl.ca.RenewResponse, request, callback);
            }, "name", { value: "Renew" });

            /**
             * Calls Renew.
             * @function renew
             * @memberof clusterctl.ca.NodeCA
             * @instance
             * @param {clusterctl.ca.IRenewRequest} request RenewRequest message or plain object
             * @returns {Promise<clusterctl.ca.RenewResponse>} Promise
             * @variation 2
             */

            return NodeCA;
        })();

        return ca;
    })();

    clusterctl.cluster = (function() {

        /**
         * Namespace cluster.
         * @memberof clusterctl
         * @namespace
         */
        var cluster = {};

        cluster.Meta = (function() {

            /**
             * Properties of a Meta.
             * @memberof clusterctl.cluster
             * @interface IMeta
             * @property {number|null} [version] Meta version
             * @property {number|null} [createdAt] Meta createdAt
             * @property {number|null} [updatedAt] Meta updatedAt
             */

            /**
             * Constructs a new Meta.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Meta.
             * @implements IMeta
             * @constructor
             * @param {clusterctl.cluster.IMeta=} [properties] Properties to set
             */
            function Meta(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Meta version.
             * @member {number} version
             * @memberof clusterctl.cluster.Meta
             * @instance
             */
            Meta.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Meta createdAt.
             * @member {number} createdAt
             * @memberof clusterctl.cluster.Meta
             * @instance
             */
            Meta.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Meta updatedAt.
             * @member {number} updatedAt
             * @memberof clusterctl.cluster.Meta
             * @instance
             */
            Meta.prototype.updatedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified Meta message. Does not implicitly {@link clusterctl.cluster.Meta.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Meta
             * @static
             * @param {clusterctl.cluster.IMeta} message Meta message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Meta.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                if (message.createdAt != null && Object.hasOwnProperty.call(message, "createdAt"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.createdAt);
                if (message.updatedAt != null && Object.hasOwnProperty.call(message, "updatedAt"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.updatedAt);
                return writer;
            };

            /**
             * Decodes a Meta message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Meta
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Meta} Meta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Meta.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Meta();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.createdAt = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.updatedAt = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Meta;
        })();

        cluster.Resources = (function() {

            /**
             * Properties of a Resources.
             * @memberof clusterctl.cluster
             * @interface IResources
             * @property {number|null} [nanoCpus] Resources nanoCpus
             * @property {number|null} [memoryBytes] Resources memoryBytes
             */

            /**
             * Constructs a new Resources.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Resources.
             * @implements IResources
             * @constructor
             * @param {clusterctl.cluster.IResources=} [properties] Properties to set
             */
            function Resources(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Resources nanoCpus.
             * @member {number} nanoCpus
             * @memberof clusterctl.cluster.Resources
             * @instance
             */
            Resources.prototype.nanoCpus = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Resources memoryBytes.
             * @member {number} memoryBytes
             * @memberof clusterctl.cluster.Resources
             * @instance
             */
            Resources.prototype.memoryBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified Resources message. Does not implicitly {@link clusterctl.cluster.Resources.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Resources
             * @static
             * @param {clusterctl.cluster.IResources} message Resources message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Resources.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.nanoCpus != null && Object.hasOwnProperty.call(message, "nanoCpus"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nanoCpus);
                if (message.memoryBytes != null && Object.hasOwnProperty.call(message, "memoryBytes"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.memoryBytes);
                return writer;
            };

            /**
             * Decodes a Resources message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Resources
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Resources} Resources
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Resources.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Resources();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.nanoCpus = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.memoryBytes = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Resources;
        })();

        cluster.NodeStatus = (function() {

            /**
             * Properties of a NodeStatus.
             * @memberof clusterctl.cluster
             * @interface INodeStatus
             * @property {string|null} [state] NodeStatus state
             * @property {string|null} [message] NodeStatus message
             * @property {number|null} [timestamp] NodeStatus timestamp
             */

            /**
             * Constructs a new NodeStatus.
             * @memberof clusterctl.cluster
             * @classdesc Represents a NodeStatus.
             * @implements INodeStatus
             * @constructor
             * @param {clusterctl.cluster.INodeStatus=} [properties] Properties to set
             */
            function NodeStatus(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NodeStatus state.
             * @member {string} state
             * @memberof clusterctl.cluster.NodeStatus
             * @instance
             */
            NodeStatus.prototype.state = "";

            /**
             * NodeStatus message.
             * @member {string} message
             * @memberof clusterctl.cluster.NodeStatus
             * @instance
             */
            NodeStatus.prototype.message = "";

            /**
             * NodeStatus timestamp.
             * @member {number} timestamp
             * @memberof clusterctl.cluster.NodeStatus
             * @instance
             */
            NodeStatus.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified NodeStatus message. Does not implicitly {@link clusterctl.cluster.NodeStatus.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.NodeStatus
             * @static
             * @param {clusterctl.cluster.INodeStatus} message NodeStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NodeStatus.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.state);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.timestamp != null && Object.hasOwnProperty.call(message, "timestamp"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.timestamp);
                return writer;
            };

            /**
             * Decodes a NodeStatus message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.NodeStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.NodeStatus} NodeStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NodeStatus.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.NodeStatus();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.state = reader.string();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    case 3: {
                            message.timestamp = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NodeStatus;
        })();

        cluster.ManagerStatus = (function() {

            /**
             * Properties of a ManagerStatus.
             * @memberof clusterctl.cluster
             * @interface IManagerStatus
             * @property {number|null} [raftId] ManagerStatus raftId
             * @property {string|null} [addr] ManagerStatus addr
             * @property {boolean|null} [leader] ManagerStatus leader
             * @property {string|null} [reachability] ManagerStatus reachability
             */

            /**
             * Constructs a new ManagerStatus.
             * @memberof clusterctl.cluster
             * @classdesc Represents a ManagerStatus.
             * @implements IManagerStatus
             * @constructor
             * @param {clusterctl.cluster.IManagerStatus=} [properties] Properties to set
             */
            function ManagerStatus(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ManagerStatus raftId.
             * @member {number} raftId
             * @memberof clusterctl.cluster.ManagerStatus
             * @instance
             */
            ManagerStatus.prototype.raftId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ManagerStatus addr.
             * @member {string} addr
             * @memberof clusterctl.cluster.ManagerStatus
             * @instance
             */
            ManagerStatus.prototype.addr = "";

            /**
             * ManagerStatus leader.
             * @member {boolean} leader
             * @memberof clusterctl.cluster.ManagerStatus
             * @instance
             */
            ManagerStatus.prototype.leader = false;

            /**
             * ManagerStatus reachability.
             * @member {string} reachability
             * @memberof clusterctl.cluster.ManagerStatus
             * @instance
             */
            ManagerStatus.prototype.reachability = "";

            /**
             * Encodes the specified ManagerStatus message. Does not implicitly {@link clusterctl.cluster.ManagerStatus.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.ManagerStatus
             * @static
             * @param {clusterctl.cluster.IManagerStatus} message ManagerStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ManagerStatus.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.raftId != null && Object.hasOwnProperty.call(message, "raftId"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.raftId);
                if (message.addr != null && Object.hasOwnProperty.call(message, "addr"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.addr);
                if (message.leader != null && Object.hasOwnProperty.call(message, "leader"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.leader);
                if (message.reachability != null && Object.hasOwnProperty.call(message, "reachability"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reachability);
                return writer;
            };

            /**
             * Decodes a ManagerStatus message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.ManagerStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.ManagerStatus} ManagerStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ManagerStatus.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.ManagerStatus();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.raftId = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.addr = reader.string();
                            break;
                        }
                    case 3: {
                            message.leader = reader.bool();
                            break;
                        }
                    case 4: {
                            message.reachability = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ManagerStatus;
        })();

        cluster.Node = (function() {

            /**
             * Properties of a Node.
             * @memberof clusterctl.cluster
             * @interface INode
             * @property {string|null} [id] Node id
             * @property {clusterctl.cluster.IMeta|null} [meta] Node meta
             * @property {string|null} [hostname] Node hostname
             * @property {string|null} [role] Node role
             * @property {string|null} [availability] Node availability
             * @property {clusterctl.cluster.INodeStatus|null} [status] Node status
             * @property {string|null} [addr] Node addr
             * @property {Object.<string,string>|null} [labels] Node labels
             * @property {clusterctl.cluster.IResources|null} [resources] Node resources
             * @property {Object.<string,string>|null} [engineLabels] Node engineLabels
             * @property {clusterctl.cluster.IManagerStatus|null} [managerStatus] Node managerStatus
             * @property {string|null} [os] Node os
             * @property {string|null} [arch] Node arch
             * @property {clusterctl.cluster.INodeNetwork|null} [network] Node network
             */

            /**
             * Constructs a new Node.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Node.
             * @implements INode
             * @constructor
             * @param {clusterctl.cluster.INode=} [properties] Properties to set
             */
            function Node(properties) {
                this.labels = {};
                this.engineLabels = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Node id.
             * @member {string} id
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.id = "";

            /**
             * Node meta.
             * @member {clusterctl.cluster.IMeta|null|undefined} meta
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.meta = null;

            /**
             * Node hostname.
             * @member {string} hostname
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.hostname = "";

            /**
             * Node role.
             * @member {string} role
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.role = "";

            /**
             * Node availability.
             * @member {string} availability
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.availability = "";

            /**
             * Node status.
             * @member {clusterctl.cluster.INodeStatus|null|undefined} status
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.status = null;

            /**
             * Node addr.
             * @member {string} addr
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.addr = "";

            /**
             * Node labels.
             * @member {Object.<string,string>} labels
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.labels = $util.emptyObject;

            /**
             * Node resources.
             * @member {clusterctl.cluster.IResources|null|undefined} resources
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.resources = null;

            /**
             * Node engineLabels.
             * @member {Object.<string,string>} engineLabels
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.engineLabels = $util.emptyObject;

            /**
             * Node managerStatus.
             * @member {clusterctl.cluster.IManagerStatus|null|undefined} managerStatus
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.managerStatus = null;

            /**
             * Node os.
             * @member {string} os
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.os = "";

            /**
             * Node arch.
             * @member {string} arch
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.arch = "";

            /**
             * Node network.
             * @member {clusterctl.cluster.INodeNetwork|null|undefined} network
             * @memberof clusterctl.cluster.Node
             * @instance
             */
            Node.prototype.network = null;

            /**
             * Encodes the specified Node message. Does not implicitly {@link clusterctl.cluster.Node.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Node
             * @static
             * @param {clusterctl.cluster.INode} message Node message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Node.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.meta != null && Object.hasOwnProperty.call(message, "meta"))
                    $root.clusterctl.cluster.Meta.encode(message.meta, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.hostname);
                if (message.role != null && Object.hasOwnProperty.call(message, "role"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.role);
                if (message.availability != null && Object.hasOwnProperty.call(message, "availability"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.availability);
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    $root.clusterctl.cluster.NodeStatus.encode(message.status, writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (message.addr != null && Object.hasOwnProperty.call(message, "addr"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.addr);
                if (message.labels != null && Object.hasOwnProperty.call(message, "labels"))
                    for (var keys = Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.resources != null && Object.hasOwnProperty.call(message, "resources"))
                    $root.clusterctl.cluster.Resources.encode(message.resources, writer.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (message.engineLabels != null && Object.hasOwnProperty.call(message, "engineLabels"))
                    for (var keys = Object.keys(message.engineLabels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 10, wireType 2 =*/82).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.engineLabels[keys[i]]).ldelim();
                if (message.managerStatus != null && Object.hasOwnProperty.call(message, "managerStatus"))
                    $root.clusterctl.cluster.ManagerStatus.encode(message.managerStatus, writer.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (message.os != null && Object.hasOwnProperty.call(message, "os"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.os);
                if (message.arch != null && Object.hasOwnProperty.call(message, "arch"))
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.arch);
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    $root.clusterctl.cluster.NodeNetwork.encode(message.network, writer.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Node message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Node
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Node} Node
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Node.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Node();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.meta = $root.clusterctl.cluster.Meta.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 4: {
                            message.role = reader.string();
                            break;
                        }
                    case 5: {
                            message.availability = reader.string();
                            break;
                        }
                    case 6: {
                            message.status = $root.clusterctl.cluster.NodeStatus.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 7: {
                            message.addr = reader.string();
                            break;
                        }
                    case 8: {
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            break;
                        }
                    case 9: {
                            message.resources = $root.clusterctl.cluster.Resources.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 10: {
                            if (message.engineLabels === $util.emptyObject)
                                message.engineLabels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.engineLabels, key);
                            message.engineLabels[key] = value;
                            break;
                        }
                    case 11: {
                            message.managerStatus = $root.clusterctl.cluster.ManagerStatus.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 12: {
                            message.os = reader.string();
                            break;
                        }
                    case 13: {
                            message.arch = reader.string();
                            break;
                        }
                    case 14: {
                            message.network = $root.clusterctl.cluster.NodeNetwork.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Node;
        })();

        cluster.NodeCondition = (function() {

            /**
             * Properties of a NodeCondition.
             * @memberof clusterctl.cluster
             * @interface INodeCondition
             * @property {string|null} [code] NodeCondition code
             * @property {string|null} [message] NodeCondition message
             * @property {string|null} [hint] NodeCondition hint
             */

            /**
             * Constructs a new NodeCondition.
             * @memberof clusterctl.cluster
             * @classdesc Represents a NodeCondition.
             * @implements INodeCondition
             * @constructor
             * @param {clusterctl.cluster.INodeCondition=} [properties] Properties to set
             */
            function NodeCondition(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NodeCondition code.
             * @member {string} code
             * @memberof clusterctl.cluster.NodeCondition
             * @instance
             */
            NodeCondition.prototype.code = "";

            /**
             * NodeCondition message.
             * @member {string} message
             * @memberof clusterctl.cluster.NodeCondition
             * @instance
             */
            NodeCondition.prototype.message = "";

            /**
             * NodeCondition hint.
             * @member {string} hint
             * @memberof clusterctl.cluster.NodeCondition
             * @instance
             */
            NodeCondition.prototype.hint = "";

            /**
             * Encodes the specified NodeCondition message. Does not implicitly {@link clusterctl.cluster.NodeCondition.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.NodeCondition
             * @static
             * @param {clusterctl.cluster.INodeCondition} message NodeCondition message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NodeCondition.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.hint != null && Object.hasOwnProperty.call(message, "hint"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.hint);
                return writer;
            };

            /**
             * Decodes a NodeCondition message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.NodeCondition
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.NodeCondition} NodeCondition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NodeCondition.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.NodeCondition();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.code = reader.string();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    case 3: {
                            message.hint = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NodeCondition;
        })();

        cluster.NetworkCapabilities = (function() {

            /**
             * Properties of a NetworkCapabilities.
             * @memberof clusterctl.cluster
             * @interface INetworkCapabilities
             * @property {boolean|null} [vxlan] NetworkCapabilities vxlan
             * @property {boolean|null} [nftables] NetworkCapabilities nftables
             * @property {boolean|null} [policyRouting] NetworkCapabilities policyRouting
             * @property {boolean|null} [conntrack] NetworkCapabilities conntrack
             * @property {boolean|null} [enabled] NetworkCapabilities enabled
             * @property {Array.<clusterctl.cluster.INodeCondition>|null} [conditions] NetworkCapabilities conditions
             * @property {number|null} [underlayMtu] NetworkCapabilities underlayMtu
             */

            /**
             * Constructs a new NetworkCapabilities.
             * @memberof clusterctl.cluster
             * @classdesc Represents a NetworkCapabilities.
             * @implements INetworkCapabilities
             * @constructor
             * @param {clusterctl.cluster.INetworkCapabilities=} [properties] Properties to set
             */
            function NetworkCapabilities(properties) {
                this.conditions = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkCapabilities vxlan.
             * @member {boolean} vxlan
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @instance
             */
            NetworkCapabilities.prototype.vxlan = false;

            /**
             * NetworkCapabilities nftables.
             * @member {boolean} nftables
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @instance
             */
            NetworkCapabilities.prototype.nftables = false;

            /**
             * NetworkCapabilities policyRouting.
             * @member {boolean} policyRouting
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @instance
             */
            NetworkCapabilities.prototype.policyRouting = false;

            /**
             * NetworkCapabilities conntrack.
             * @member {boolean} conntrack
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @instance
             */
            NetworkCapabilities.prototype.conntrack = false;

            /**
             * NetworkCapabilities enabled.
             * @member {boolean} enabled
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @instance
             */
            NetworkCapabilities.prototype.enabled = false;

            /**
             * NetworkCapabilities conditions.
             * @member {Array.<clusterctl.cluster.INodeCondition>} conditions
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @instance
             */
            NetworkCapabilities.prototype.conditions = $util.emptyArray;

            /**
             * NetworkCapabilities underlayMtu.
             * @member {number} underlayMtu
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @instance
             */
            NetworkCapabilities.prototype.underlayMtu = 0;

            /**
             * Encodes the specified NetworkCapabilities message. Does not implicitly {@link clusterctl.cluster.NetworkCapabilities.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @static
             * @param {clusterctl.cluster.INetworkCapabilities} message NetworkCapabilities message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkCapabilities.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.vxlan != null && Object.hasOwnProperty.call(message, "vxlan"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.vxlan);
                if (message.nftables != null && Object.hasOwnProperty.call(message, "nftables"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.nftables);
                if (message.policyRouting != null && Object.hasOwnProperty.call(message, "policyRouting"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.policyRouting);
                if (message.conntrack != null && Object.hasOwnProperty.call(message, "conntrack"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.conntrack);
                if (message.enabled != null && Object.hasOwnProperty.call(message, "enabled"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.enabled);
                if (message.conditions != null && message.conditions.length)
                    for (var i = 0; i < message.conditions.length; ++i)
                        $root.clusterctl.cluster.NodeCondition.encode(message.conditions[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (message.underlayMtu != null && Object.hasOwnProperty.call(message, "underlayMtu"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.underlayMtu);
                return writer;
            };

            /**
             * Decodes a NetworkCapabilities message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.NetworkCapabilities
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.NetworkCapabilities} NetworkCapabilities
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkCapabilities.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.NetworkCapabilities();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.vxlan = reader.bool();
                            break;
                        }
                    case 2: {
                            message.nftables = reader.bool();
                            break;
                        }
                    case 3: {
                            message.policyRouting = reader.bool();
                            break;
                        }
                    case 4: {
                            message.conntrack = reader.bool();
                            break;
                        }
                    case 5: {
                            message.enabled = reader.bool();
                            break;
                        }
                    case 6: {
                            if (!(message.conditions && message.conditions.length))
                                message.conditions = [];
                            message.conditions.push($root.clusterctl.cluster.NodeCondition.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 7: {
                            message.underlayMtu = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkCapabilities;
        })();

        cluster.NodeNetwork = (function() {

            /**
             * Properties of a NodeNetwork.
             * @memberof clusterctl.cluster
             * @interface INodeNetwork
             * @property {string|null} [subnet] NodeNetwork subnet
             * @property {string|null} [backend] NodeNetwork backend
             * @property {clusterctl.cluster.INetworkCapabilities|null} [capabilities] NodeNetwork capabilities
             * @property {Array.<clusterctl.cluster.INodeCondition>|null} [conditions] NodeNetwork conditions
             * @property {number|null} [index] NodeNetwork index
             */

            /**
             * Constructs a new NodeNetwork.
             * @memberof clusterctl.cluster
             * @classdesc Represents a NodeNetwork.
             * @implements INodeNetwork
             * @constructor
             * @param {clusterctl.cluster.INodeNetwork=} [properties] Properties to set
             */
            function NodeNetwork(properties) {
                this.conditions = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NodeNetwork subnet.
             * @member {string} subnet
             * @memberof clusterctl.cluster.NodeNetwork
             * @instance
             */
            NodeNetwork.prototype.subnet = "";

            /**
             * NodeNetwork backend.
             * @member {string} backend
             * @memberof clusterctl.cluster.NodeNetwork
             * @instance
             */
            NodeNetwork.prototype.backend = "";

            /**
             * NodeNetwork capabilities.
             * @member {clusterctl.cluster.INetworkCapabilities|null|undefined} capabilities
             * @memberof clusterctl.cluster.NodeNetwork
             * @instance
             */
            NodeNetwork.prototype.capabilities = null;

            /**
             * NodeNetwork conditions.
             * @member {Array.<clusterctl.cluster.INodeCondition>} conditions
             * @memberof clusterctl.cluster.NodeNetwork
             * @instance
             */
            NodeNetwork.prototype.conditions = $util.emptyArray;

            /**
             * NodeNetwork index.
             * @member {number} index
             * @memberof clusterctl.cluster.NodeNetwork
             * @instance
             */
            NodeNetwork.prototype.index = 0;

            /**
             * Encodes the specified NodeNetwork message. Does not implicitly {@link clusterctl.cluster.NodeNetwork.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.NodeNetwork
             * @static
             * @param {clusterctl.cluster.INodeNetwork} message NodeNetwork message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NodeNetwork.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.subnet != null && Object.hasOwnProperty.call(message, "subnet"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.subnet);
                if (message.backend != null && Object.hasOwnProperty.call(message, "backend"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.backend);
                if (message.capabilities != null && Object.hasOwnProperty.call(message, "capabilities"))
                    $root.clusterctl.cluster.NetworkCapabilities.encode(message.capabilities, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.conditions != null && message.conditions.length)
                    for (var i = 0; i < message.conditions.length; ++i)
                        $root.clusterctl.cluster.NodeCondition.encode(message.conditions[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.index);
                return writer;
            };

            /**
             * Decodes a NodeNetwork message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.NodeNetwork
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.NodeNetwork} NodeNetwork
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NodeNetwork.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.NodeNetwork();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.subnet = reader.string();
                            break;
                        }
                    case 2: {
                            message.backend = reader.string();
                            break;
                        }
                    case 3: {
                            message.capabilities = $root.clusterctl.cluster.NetworkCapabilities.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            if (!(message.conditions && message.conditions.length))
                                message.conditions = [];
                            message.conditions.push($root.clusterctl.cluster.NodeCondition.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 5: {
                            message.index = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NodeNetwork;
        })();

        cluster.PortConfig = (function() {

            /**
             * Properties of a PortConfig.
             * @memberof clusterctl.cluster
             * @interface IPortConfig
             * @property {number|null} [published] PortConfig published
             * @property {number|null} [target] PortConfig target
             * @property {string|null} [protocol] PortConfig protocol
             * @property {string|null} [mode] PortConfig mode
             */

            /**
             * Constructs a new PortConfig.
             * @memberof clusterctl.cluster
             * @classdesc Represents a PortConfig.
             * @implements IPortConfig
             * @constructor
             * @param {clusterctl.cluster.IPortConfig=} [properties] Properties to set
             */
            function PortConfig(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PortConfig published.
             * @member {number} published
             * @memberof clusterctl.cluster.PortConfig
             * @instance
             */
            PortConfig.prototype.published = 0;

            /**
             * PortConfig target.
             * @member {number} target
             * @memberof clusterctl.cluster.PortConfig
             * @instance
             */
            PortConfig.prototype.target = 0;

            /**
             * PortConfig protocol.
             * @member {string} protocol
             * @memberof clusterctl.cluster.PortConfig
             * @instance
             */
            PortConfig.prototype.protocol = "";

            /**
             * PortConfig mode.
             * @member {string} mode
             * @memberof clusterctl.cluster.PortConfig
             * @instance
             */
            PortConfig.prototype.mode = "";

            /**
             * Encodes the specified PortConfig message. Does not implicitly {@link clusterctl.cluster.PortConfig.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.PortConfig
             * @static
             * @param {clusterctl.cluster.IPortConfig} message PortConfig message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PortConfig.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.published != null && Object.hasOwnProperty.call(message, "published"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.published);
                if (message.target != null && Object.hasOwnProperty.call(message, "target"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.target);
                if (message.protocol != null && Object.hasOwnProperty.call(message, "protocol"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.protocol);
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.mode);
                return writer;
            };

            /**
             * Decodes a PortConfig message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.PortConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.PortConfig} PortConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PortConfig.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.PortConfig();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.published = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.target = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.protocol = reader.string();
                            break;
                        }
                    case 4: {
                            message.mode = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return PortConfig;
        })();

        cluster.RestartPolicy = (function() {

            /**
             * Properties of a RestartPolicy.
             * @memberof clusterctl.cluster
             * @interface IRestartPolicy
             * @property {string|null} [condition] RestartPolicy condition
             * @property {number|null} [delayMs] RestartPolicy delayMs
             * @property {number|null} [maxAttempts] RestartPolicy maxAttempts
             * @property {number|null} [windowMs] RestartPolicy windowMs
             */

            /**
             * Constructs a new RestartPolicy.
             * @memberof clusterctl.cluster
             * @classdesc Represents a RestartPolicy.
             * @implements IRestartPolicy
             * @constructor
             * @param {clusterctl.cluster.IRestartPolicy=} [properties] Properties to set
             */
            function RestartPolicy(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RestartPolicy condition.
             * @member {string} condition
             * @memberof clusterctl.cluster.RestartPolicy
             * @instance
             */
            RestartPolicy.prototype.condition = "";

            /**
             * RestartPolicy delayMs.
             * @member {number} delayMs
             * @memberof clusterctl.cluster.RestartPolicy
             * @instance
             */
            RestartPolicy.prototype.delayMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RestartPolicy maxAttempts.
             * @member {number} maxAttempts
             * @memberof clusterctl.cluster.RestartPolicy
             * @instance
             */
            RestartPolicy.prototype.maxAttempts = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RestartPolicy windowMs.
             * @member {number} windowMs
             * @memberof clusterctl.cluster.RestartPolicy
             * @instance
             */
            RestartPolicy.prototype.windowMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified RestartPolicy message. Does not implicitly {@link clusterctl.cluster.RestartPolicy.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.RestartPolicy
             * @static
             * @param {clusterctl.cluster.IRestartPolicy} message RestartPolicy message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RestartPolicy.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.condition != null && Object.hasOwnProperty.call(message, "condition"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.condition);
                if (message.delayMs != null && Object.hasOwnProperty.call(message, "delayMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.delayMs);
                if (message.maxAttempts != null && Object.hasOwnProperty.call(message, "maxAttempts"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.maxAttempts);
                if (message.windowMs != null && Object.hasOwnProperty.call(message, "windowMs"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.windowMs);
                return writer;
            };

            /**
             * Decodes a RestartPolicy message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.RestartPolicy
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.RestartPolicy} RestartPolicy
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RestartPolicy.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.RestartPolicy();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.condition = reader.string();
                            break;
                        }
                    case 2: {
                            message.delayMs = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.maxAttempts = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.windowMs = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RestartPolicy;
        })();

        cluster.HealthCheck = (function() {

            /**
             * Properties of a HealthCheck.
             * @memberof clusterctl.cluster
             * @interface IHealthCheck
             * @property {Array.<string>|null} [test] HealthCheck test
             * @property {number|null} [httpPort] HealthCheck httpPort
             * @property {string|null} [httpPath] HealthCheck httpPath
             * @property {number|null} [tcpPort] HealthCheck tcpPort
             * @property {number|null} [intervalMs] HealthCheck intervalMs
             * @property {number|null} [timeoutMs] HealthCheck timeoutMs
             * @property {number|null} [retries] HealthCheck retries
             * @property {number|null} [startPeriodMs] HealthCheck startPeriodMs
             */

            /**
             * Constructs a new HealthCheck.
             * @memberof clusterctl.cluster
             * @classdesc Represents a HealthCheck.
             * @implements IHealthCheck
             * @constructor
             * @param {clusterctl.cluster.IHealthCheck=} [properties] Properties to set
             */
            function HealthCheck(properties) {
                this.test = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * HealthCheck test.
             * @member {Array.<string>} test
             * @memberof clusterctl.cluster.HealthCheck
             * @instance
             */
            HealthCheck.prototype.test = $util.emptyArray;

            /**
             * HealthCheck httpPort.
             * @member {number} httpPort
             * @memberof clusterctl.cluster.HealthCheck
             * @instance
             */
            HealthCheck.prototype.httpPort = 0;

            /**
             * HealthCheck httpPath.
             * @member {string} httpPath
             * @memberof clusterctl.cluster.HealthCheck
             * @instance
             */
            HealthCheck.prototype.httpPath = "";

            /**
             * HealthCheck tcpPort.
             * @member {number} tcpPort
             * @memberof clusterctl.cluster.HealthCheck
             * @instance
             */
            HealthCheck.prototype.tcpPort = 0;

            /**
             * HealthCheck intervalMs.
             * @member {number} intervalMs
             * @memberof clusterctl.cluster.HealthCheck
             * @instance
             */
            HealthCheck.prototype.intervalMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HealthCheck timeoutMs.
             * @member {number} timeoutMs
             * @memberof clusterctl.cluster.HealthCheck
             * @instance
             */
            HealthCheck.prototype.timeoutMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HealthCheck retries.
             * @member {number} retries
             * @memberof clusterctl.cluster.HealthCheck
             * @instance
             */
            HealthCheck.prototype.retries = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HealthCheck startPeriodMs.
             * @member {number} startPeriodMs
             * @memberof clusterctl.cluster.HealthCheck
             * @instance
             */
            HealthCheck.prototype.startPeriodMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified HealthCheck message. Does not implicitly {@link clusterctl.cluster.HealthCheck.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.HealthCheck
             * @static
             * @param {clusterctl.cluster.IHealthCheck} message HealthCheck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthCheck.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.test != null && message.test.length)
                    for (var i = 0; i < message.test.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.test[i]);
                if (message.httpPort != null && Object.hasOwnProperty.call(message, "httpPort"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.httpPort);
                if (message.httpPath != null && Object.hasOwnProperty.call(message, "httpPath"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.httpPath);
                if (message.tcpPort != null && Object.hasOwnProperty.call(message, "tcpPort"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.tcpPort);
                if (message.intervalMs != null && Object.hasOwnProperty.call(message, "intervalMs"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.intervalMs);
                if (message.timeoutMs != null && Object.hasOwnProperty.call(message, "timeoutMs"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.timeoutMs);
                if (message.retries != null && Object.hasOwnProperty.call(message, "retries"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.retries);
                if (message.startPeriodMs != null && Object.hasOwnProperty.call(message, "startPeriodMs"))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.startPeriodMs);
                return writer;
            };

            /**
             * Decodes a HealthCheck message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.HealthCheck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.HealthCheck} HealthCheck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthCheck.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.HealthCheck();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.test && message.test.length))
                                message.test = [];
                            message.test.push(reader.string());
                            break;
                        }
                    case 2: {
                            message.httpPort = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.httpPath = reader.string();
                            break;
                        }
                    case 4: {
                            message.tcpPort = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.intervalMs = reader.uint64();
                            break;
                        }
                    case 6: {
                            message.timeoutMs = reader.uint64();
                            break;
                        }
                    case 7: {
                            message.retries = reader.uint64();
                            break;
                        }
                    case 8: {
                            message.startPeriodMs = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return HealthCheck;
        })();

        cluster.ServiceSpec = (function() {

            /**
             * Properties of a ServiceSpec.
             * @memberof clusterctl.cluster
             * @interface IServiceSpec
             * @property {string|null} [name] ServiceSpec name
             * @property {string|null} [image] ServiceSpec image
             * @property {Array.<string>|null} [command] ServiceSpec command
             * @property {Array.<string>|null} [env] ServiceSpec env
             * @property {Object.<string,string>|null} [labels] ServiceSpec labels
             * @property {string|null} [mode] ServiceSpec mode
             * @property {number|null} [replicas] ServiceSpec replicas
             * @property {Array.<string>|null} [constraints] ServiceSpec constraints
             * @property {clusterctl.cluster.IResources|null} [reservations] ServiceSpec reservations
             * @property {clusterctl.cluster.IResources|null} [limits] ServiceSpec limits
             * @property {Array.<clusterctl.cluster.IPortConfig>|null} [ports] ServiceSpec ports
             * @property {clusterctl.cluster.IRestartPolicy|null} [restartPolicy] ServiceSpec restartPolicy
             * @property {Array.<string>|null} [networks] ServiceSpec networks
             * @property {string|null} [endpointMode] ServiceSpec endpointMode
             * @property {clusterctl.cluster.IHealthCheck|null} [healthcheck] ServiceSpec healthcheck
             * @property {number|null} [stopGracePeriodMs] ServiceSpec stopGracePeriodMs
             * @property {boolean|null} [hasStopGracePeriod] ServiceSpec hasStopGracePeriod
             * @property {string|null} [stopSignal] ServiceSpec stopSignal
             * @property {clusterctl.cluster.IUpdateConfig|null} [updateConfig] ServiceSpec updateConfig
             * @property {clusterctl.cluster.IUpdateConfig|null} [rollbackConfig] ServiceSpec rollbackConfig
             * @property {Array.<clusterctl.cluster.IMount>|null} [mounts] ServiceSpec mounts
             * @property {Array.<string>|null} [entrypoint] ServiceSpec entrypoint
             * @property {string|null} [workdir] ServiceSpec workdir
             * @property {string|null} [user] ServiceSpec user
             * @property {string|null} [hostname] ServiceSpec hostname
             * @property {boolean|null} [init] ServiceSpec init
             * @property {boolean|null} [readOnly] ServiceSpec readOnly
             * @property {Array.<string>|null} [capAdd] ServiceSpec capAdd
             * @property {Array.<string>|null} [capDrop] ServiceSpec capDrop
             * @property {Array.<clusterctl.cluster.IUlimit>|null} [ulimits] ServiceSpec ulimits
             * @property {Object.<string,string>|null} [sysctls] ServiceSpec sysctls
             * @property {Array.<string>|null} [groups] ServiceSpec groups
             * @property {Object.<string,string>|null} [containerLabels] ServiceSpec containerLabels
             * @property {boolean|null} [tty] ServiceSpec tty
             * @property {clusterctl.cluster.ILogDriver|null} [logDriver] ServiceSpec logDriver
             * @property {Array.<clusterctl.cluster.IFileReference>|null} [secrets] ServiceSpec secrets
             * @property {Array.<clusterctl.cluster.IFileReference>|null} [configs] ServiceSpec configs
             */

            /**
             * Constructs a new ServiceSpec.
             * @memberof clusterctl.cluster
             * @classdesc Represents a ServiceSpec.
             * @implements IServiceSpec
             * @constructor
             * @param {clusterctl.cluster.IServiceSpec=} [properties] Properties to set
             */
            function ServiceSpec(properties) {
                this.command = [];
                this.env = [];
                this.labels = {};
                this.constraints = [];
                this.ports = [];
                this.networks = [];
                this.mounts = [];
                this.entrypoint = [];
                this.capAdd = [];
                this.capDrop = [];
                this.ulimits = [];
                this.sysctls = {};
                this.groups = [];
                this.containerLabels = {};
                this.secrets = [];
                this.configs = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ServiceSpec name.
             * @member {string} name
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.name = "";

            /**
             * ServiceSpec image.
             * @member {string} image
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.image = "";

            /**
             * ServiceSpec command.
             * @member {Array.<string>} command
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.command = $util.emptyArray;

            /**
             * ServiceSpec env.
             * @member {Array.<string>} env
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.env = $util.emptyArray;

            /**
             * ServiceSpec labels.
             * @member {Object.<string,string>} labels
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.labels = $util.emptyObject;

            /**
             * ServiceSpec mode.
             * @member {string} mode
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.mode = "";

            /**
             * ServiceSpec replicas.
             * @member {number} replicas
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.replicas = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ServiceSpec constraints.
             * @member {Array.<string>} constraints
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.constraints = $util.emptyArray;

            /**
             * ServiceSpec reservations.
             * @member {clusterctl.cluster.IResources|null|undefined} reservations
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.reservations = null;

            /**
             * ServiceSpec limits.
             * @member {clusterctl.cluster.IResources|null|undefined} limits
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.limits = null;

            /**
             * ServiceSpec ports.
             * @member {Array.<clusterctl.cluster.IPortConfig>} ports
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.ports = $util.emptyArray;

            /**
             * ServiceSpec restartPolicy.
             * @member {clusterctl.cluster.IRestartPolicy|null|undefined} restartPolicy
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.restartPolicy = null;

            /**
             * ServiceSpec networks.
             * @member {Array.<string>} networks
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.networks = $util.emptyArray;

            /**
             * ServiceSpec endpointMode.
             * @member {string} endpointMode
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.endpointMode = "";

            /**
             * ServiceSpec healthcheck.
             * @member {clusterctl.cluster.IHealthCheck|null|undefined} healthcheck
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.healthcheck = null;

            /**
             * ServiceSpec stopGracePeriodMs.
             * @member {number} stopGracePeriodMs
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.stopGracePeriodMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ServiceSpec hasStopGracePeriod.
             * @member {boolean} hasStopGracePeriod
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.hasStopGracePeriod = false;

            /**
             * ServiceSpec stopSignal.
             * @member {string} stopSignal
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.stopSignal = "";

            /**
             * ServiceSpec updateConfig.
             * @member {clusterctl.cluster.IUpdateConfig|null|undefined} updateConfig
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.updateConfig = null;

            /**
             * ServiceSpec rollbackConfig.
             * @member {clusterctl.cluster.IUpdateConfig|null|undefined} rollbackConfig
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.rollbackConfig = null;

            /**
             * ServiceSpec mounts.
             * @member {Array.<clusterctl.cluster.IMount>} mounts
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.mounts = $util.emptyArray;

            /**
             * ServiceSpec entrypoint.
             * @member {Array.<string>} entrypoint
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.entrypoint = $util.emptyArray;

            /**
             * ServiceSpec workdir.
             * @member {string} workdir
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.workdir = "";

            /**
             * ServiceSpec user.
             * @member {string} user
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.user = "";

            /**
             * ServiceSpec hostname.
             * @member {string} hostname
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.hostname = "";

            /**
             * ServiceSpec init.
             * @member {boolean} init
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.init = false;

            /**
             * ServiceSpec readOnly.
             * @member {boolean} readOnly
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.readOnly = false;

            /**
             * ServiceSpec capAdd.
             * @member {Array.<string>} capAdd
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.capAdd = $util.emptyArray;

            /**
             * ServiceSpec capDrop.
             * @member {Array.<string>} capDrop
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.capDrop = $util.emptyArray;

            /**
             * ServiceSpec ulimits.
             * @member {Array.<clusterctl.cluster.IUlimit>} ulimits
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.ulimits = $util.emptyArray;

            /**
             * ServiceSpec sysctls.
             * @member {Object.<string,string>} sysctls
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.sysctls = $util.emptyObject;

            /**
             * ServiceSpec groups.
             * @member {Array.<string>} groups
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.groups = $util.emptyArray;

            /**
             * ServiceSpec containerLabels.
             * @member {Object.<string,string>} containerLabels
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.containerLabels = $util.emptyObject;

            /**
             * ServiceSpec tty.
             * @member {boolean} tty
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.tty = false;

            /**
             * ServiceSpec logDriver.
             * @member {clusterctl.cluster.ILogDriver|null|undefined} logDriver
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.logDriver = null;

            /**
             * ServiceSpec secrets.
             * @member {Array.<clusterctl.cluster.IFileReference>} secrets
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.secrets = $util.emptyArray;

            /**
             * ServiceSpec configs.
             * @member {Array.<clusterctl.cluster.IFileReference>} configs
             * @memberof clusterctl.cluster.ServiceSpec
             * @instance
             */
            ServiceSpec.prototype.configs = $util.emptyArray;

            /**
             * Encodes the specified ServiceSpec message. Does not implicitly {@link clusterctl.cluster.ServiceSpec.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.ServiceSpec
             * @static
             * @param {clusterctl.cluster.IServiceSpec} message ServiceSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServiceSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.image != null && Object.hasOwnProperty.call(message, "image"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.image);
                if (message.command != null && message.command.length)
                    for (var i = 0; i < message.command.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.command[i]);
                if (message.env != null && message.env.length)
                    for (var i = 0; i < message.env.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.env[i]);
                if (message.labels != null && Object.hasOwnProperty.call(message, "labels"))
                    for (var keys = Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.mode);
                if (message.replicas != null && Object.hasOwnProperty.call(message, "replicas"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.replicas);
                if (message.constraints != null && message.constraints.length)
                    for (var i = 0; i < message.constraints.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.constraints[i]);
                if (message.reservations != null && Object.hasOwnProperty.call(message, "reservations"))
                    $root.clusterctl.cluster.Resources.encode(message.reservations, writer.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (message.limits != null && Object.hasOwnProperty.call(message, "limits"))
                    $root.clusterctl.cluster.Resources.encode(message.limits, writer.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (message.ports != null && message.ports.length)
                    for (var i = 0; i < message.ports.length; ++i)
                        $root.clusterctl.cluster.PortConfig.encode(message.ports[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (message.restartPolicy != null && Object.hasOwnProperty.call(message, "restartPolicy"))
                    $root.clusterctl.cluster.RestartPolicy.encode(message.restartPolicy, writer.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (message.networks != null && message.networks.length)
                    for (var i = 0; i < message.networks.length; ++i)
                        writer.uint32(/* id 20, wireType 2 =*/162).string(message.networks[i]);
                if (message.endpointMode != null && Object.hasOwnProperty.call(message, "endpointMode"))
                    writer.uint32(/* id 21, wireType 2 =*/170).string(message.endpointMode);
                if (message.healthcheck != null && Object.hasOwnProperty.call(message, "healthcheck"))
                    $root.clusterctl.cluster.HealthCheck.encode(message.healthcheck, writer.uint32(/* id 30, wireType 2 =*/242).fork(), q + 1).ldelim();
                if (message.stopGracePeriodMs != null && Object.hasOwnProperty.call(message, "stopGracePeriodMs"))
                    writer.uint32(/* id 31, wireType 0 =*/248).uint64(message.stopGracePeriodMs);
                if (message.hasStopGracePeriod != null && Object.hasOwnProperty.call(message, "hasStopGracePeriod"))
                    writer.uint32(/* id 32, wireType 0 =*/256).bool(message.hasStopGracePeriod);
                if (message.stopSignal != null && Object.hasOwnProperty.call(message, "stopSignal"))
                    writer.uint32(/* id 33, wireType 2 =*/266).string(message.stopSignal);
                if (message.updateConfig != null && Object.hasOwnProperty.call(message, "updateConfig"))
                    $root.clusterctl.cluster.UpdateConfig.encode(message.updateConfig, writer.uint32(/* id 40, wireType 2 =*/322).fork(), q + 1).ldelim();
                if (message.rollbackConfig != null && Object.hasOwnProperty.call(message, "rollbackConfig"))
                    $root.clusterctl.cluster.UpdateConfig.encode(message.rollbackConfig, writer.uint32(/* id 41, wireType 2 =*/330).fork(), q + 1).ldelim();
                if (message.secrets != null && message.secrets.length)
                    for (var i = 0; i < message.secrets.length; ++i)
                        $root.clusterctl.cluster.FileReference.encode(message.secrets[i], writer.uint32(/* id 50, wireType 2 =*/402).fork(), q + 1).ldelim();
                if (message.configs != null && message.configs.length)
                    for (var i = 0; i < message.configs.length; ++i)
                        $root.clusterctl.cluster.FileReference.encode(message.configs[i], writer.uint32(/* id 51, wireType 2 =*/410).fork(), q + 1).ldelim();
                if (message.mounts != null && message.mounts.length)
                    for (var i = 0; i < message.mounts.length; ++i)
                        $root.clusterctl.cluster.Mount.encode(message.mounts[i], writer.uint32(/* id 60, wireType 2 =*/482).fork(), q + 1).ldelim();
                if (message.entrypoint != null && message.entrypoint.length)
                    for (var i = 0; i < message.entrypoint.length; ++i)
                        writer.uint32(/* id 61, wireType 2 =*/490).string(message.entrypoint[i]);
                if (message.workdir != null && Object.hasOwnProperty.call(message, "workdir"))
                    writer.uint32(/* id 62, wireType 2 =*/498).string(message.workdir);
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    writer.uint32(/* id 63, wireType 2 =*/506).string(message.user);
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 64, wireType 2 =*/514).string(message.hostname);
                if (message.init != null && Object.hasOwnProperty.call(message, "init"))
                    writer.uint32(/* id 65, wireType 0 =*/520).bool(message.init);
                if (message.readOnly != null && Object.hasOwnProperty.call(message, "readOnly"))
                    writer.uint32(/* id 66, wireType 0 =*/528).bool(message.readOnly);
                if (message.capAdd != null && message.capAdd.length)
                    for (var i = 0; i < message.capAdd.length; ++i)
                        writer.uint32(/* id 67, wireType 2 =*/538).string(message.capAdd[i]);
                if (message.capDrop != null && message.capDrop.length)
                    for (var i = 0; i < message.capDrop.length; ++i)
                        writer.uint32(/* id 68, wireType 2 =*/546).string(message.capDrop[i]);
                if (message.ulimits != null && message.ulimits.length)
                    for (var i = 0; i < message.ulimits.length; ++i)
                        $root.clusterctl.cluster.Ulimit.encode(message.ulimits[i], writer.uint32(/* id 69, wireType 2 =*/554).fork(), q + 1).ldelim();
                if (message.sysctls != null && Object.hasOwnProperty.call(message, "sysctls"))
                    for (var keys = Object.keys(message.sysctls), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 70, wireType 2 =*/562).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.sysctls[keys[i]]).ldelim();
                if (message.groups != null && message.groups.length)
                    for (var i = 0; i < message.groups.length; ++i)
                        writer.uint32(/* id 71, wireType 2 =*/570).string(message.groups[i]);
                if (message.containerLabels != null && Object.hasOwnProperty.call(message, "containerLabels"))
                    for (var keys = Object.keys(message.containerLabels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 72, wireType 2 =*/578).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.containerLabels[keys[i]]).ldelim();
                if (message.tty != null && Object.hasOwnProperty.call(message, "tty"))
                    writer.uint32(/* id 73, wireType 0 =*/584).bool(message.tty);
                if (message.logDriver != null && Object.hasOwnProperty.call(message, "logDriver"))
                    $root.clusterctl.cluster.LogDriver.encode(message.logDriver, writer.uint32(/* id 74, wireType 2 =*/594).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ServiceSpec message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.ServiceSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.ServiceSpec} ServiceSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServiceSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.ServiceSpec();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.image = reader.string();
                            break;
                        }
                    case 3: {
                            if (!(message.command && message.command.length))
                                message.command = [];
                            message.command.push(reader.string());
                            break;
                        }
                    case 4: {
                            if (!(message.env && message.env.length))
                                message.env = [];
                            message.env.push(reader.string());
                            break;
                        }
                    case 5: {
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            break;
                        }
                    case 6: {
                            message.mode = reader.string();
                            break;
                        }
                    case 7: {
                            message.replicas = reader.uint64();
                            break;
                        }
                    case 8: {
                            if (!(message.constraints && message.constraints.length))
                                message.constraints = [];
                            message.constraints.push(reader.string());
                            break;
                        }
                    case 9: {
                            message.reservations = $root.clusterctl.cluster.Resources.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 10: {
                            message.limits = $root.clusterctl.cluster.Resources.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 11: {
                            if (!(message.ports && message.ports.length))
                                message.ports = [];
                            message.ports.push($root.clusterctl.cluster.PortConfig.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 12: {
                            message.restartPolicy = $root.clusterctl.cluster.RestartPolicy.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 20: {
                            if (!(message.networks && message.networks.length))
                                message.networks = [];
                            message.networks.push(reader.string());
                            break;
                        }
                    case 21: {
                            message.endpointMode = reader.string();
                            break;
                        }
                    case 30: {
                            message.healthcheck = $root.clusterctl.cluster.HealthCheck.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 31: {
                            message.stopGracePeriodMs = reader.uint64();
                            break;
                        }
                    case 32: {
                            message.hasStopGracePeriod = reader.bool();
                            break;
                        }
                    case 33: {
                            message.stopSignal = reader.string();
                            break;
                        }
                    case 40: {
                            message.updateConfig = $root.clusterctl.cluster.UpdateConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 41: {
                            message.rollbackConfig = $root.clusterctl.cluster.UpdateConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 60: {
                            if (!(message.mounts && message.mounts.length))
                                message.mounts = [];
                            message.mounts.push($root.clusterctl.cluster.Mount.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 61: {
                            if (!(message.entrypoint && message.entrypoint.length))
                                message.entrypoint = [];
                            message.entrypoint.push(reader.string());
                            break;
                        }
                    case 62: {
                            message.workdir = reader.string();
                            break;
                        }
                    case 63: {
                            message.user = reader.string();
                            break;
                        }
                    case 64: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 65: {
                            message.init = reader.bool();
                            break;
                        }
                    case 66: {
                            message.readOnly = reader.bool();
                            break;
                        }
                    case 67: {
                            if (!(message.capAdd && message.capAdd.length))
                                message.capAdd = [];
                            message.capAdd.push(reader.string());
                            break;
                        }
                    case 68: {
                            if (!(message.capDrop && message.capDrop.length))
                                message.capDrop = [];
                            message.capDrop.push(reader.string());
                            break;
                        }
                    case 69: {
                            if (!(message.ulimits && message.ulimits.length))
                                message.ulimits = [];
                            message.ulimits.push($root.clusterctl.cluster.Ulimit.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 70: {
                            if (message.sysctls === $util.emptyObject)
                                message.sysctls = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.sysctls, key);
                            message.sysctls[key] = value;
                            break;
                        }
                    case 71: {
                            if (!(message.groups && message.groups.length))
                                message.groups = [];
                            message.groups.push(reader.string());
                            break;
                        }
                    case 72: {
                            if (message.containerLabels === $util.emptyObject)
                                message.containerLabels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.containerLabels, key);
                            message.containerLabels[key] = value;
                            break;
                        }
                    case 73: {
                            message.tty = reader.bool();
                            break;
                        }
                    case 74: {
                            message.logDriver = $root.clusterctl.cluster.LogDriver.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 50: {
                            if (!(message.secrets && message.secrets.length))
                                message.secrets = [];
                            message.secrets.push($root.clusterctl.cluster.FileReference.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 51: {
                            if (!(message.configs && message.configs.length))
                                message.configs = [];
                            message.configs.push($root.clusterctl.cluster.FileReference.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ServiceSpec;
        })();

        cluster.Mount = (function() {

            /**
             * Properties of a Mount.
             * @memberof clusterctl.cluster
             * @interface IMount
             * @property {string|null} [type] Mount type
             * @property {string|null} [source] Mount source
             * @property {string|null} [target] Mount target
             * @property {boolean|null} [readOnly] Mount readOnly
             * @property {string|null} [bindPropagation] Mount bindPropagation
             * @property {string|null} [volumeDriver] Mount volumeDriver
             * @property {Object.<string,string>|null} [volumeOptions] Mount volumeOptions
             * @property {Object.<string,string>|null} [volumeLabels] Mount volumeLabels
             * @property {boolean|null} [volumeNocopy] Mount volumeNocopy
             * @property {number|null} [tmpfsSizeBytes] Mount tmpfsSizeBytes
             * @property {number|null} [tmpfsMode] Mount tmpfsMode
             */

            /**
             * Constructs a new Mount.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Mount.
             * @implements IMount
             * @constructor
             * @param {clusterctl.cluster.IMount=} [properties] Properties to set
             */
            function Mount(properties) {
                this.volumeOptions = {};
                this.volumeLabels = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Mount type.
             * @member {string} type
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.type = "";

            /**
             * Mount source.
             * @member {string} source
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.source = "";

            /**
             * Mount target.
             * @member {string} target
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.target = "";

            /**
             * Mount readOnly.
             * @member {boolean} readOnly
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.readOnly = false;

            /**
             * Mount bindPropagation.
             * @member {string} bindPropagation
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.bindPropagation = "";

            /**
             * Mount volumeDriver.
             * @member {string} volumeDriver
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.volumeDriver = "";

            /**
             * Mount volumeOptions.
             * @member {Object.<string,string>} volumeOptions
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.volumeOptions = $util.emptyObject;

            /**
             * Mount volumeLabels.
             * @member {Object.<string,string>} volumeLabels
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.volumeLabels = $util.emptyObject;

            /**
             * Mount volumeNocopy.
             * @member {boolean} volumeNocopy
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.volumeNocopy = false;

            /**
             * Mount tmpfsSizeBytes.
             * @member {number} tmpfsSizeBytes
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.tmpfsSizeBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Mount tmpfsMode.
             * @member {number} tmpfsMode
             * @memberof clusterctl.cluster.Mount
             * @instance
             */
            Mount.prototype.tmpfsMode = 0;

            /**
             * Encodes the specified Mount message. Does not implicitly {@link clusterctl.cluster.Mount.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Mount
             * @static
             * @param {clusterctl.cluster.IMount} message Mount message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Mount.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.type);
                if (message.source != null && Object.hasOwnProperty.call(message, "source"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.source);
                if (message.target != null && Object.hasOwnProperty.call(message, "target"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.target);
                if (message.readOnly != null && Object.hasOwnProperty.call(message, "readOnly"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.readOnly);
                if (message.bindPropagation != null && Object.hasOwnProperty.call(message, "bindPropagation"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.bindPropagation);
                if (message.volumeDriver != null && Object.hasOwnProperty.call(message, "volumeDriver"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.volumeDriver);
                if (message.volumeOptions != null && Object.hasOwnProperty.call(message, "volumeOptions"))
                    for (var keys = Object.keys(message.volumeOptions), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 7, wireType 2 =*/58).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.volumeOptions[keys[i]]).ldelim();
                if (message.volumeLabels != null && Object.hasOwnProperty.call(message, "volumeLabels"))
                    for (var keys = Object.keys(message.volumeLabels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.volumeLabels[keys[i]]).ldelim();
                if (message.volumeNocopy != null && Object.hasOwnProperty.call(message, "volumeNocopy"))
                    writer.uint32(/* id 9, wireType 0 =*/72).bool(message.volumeNocopy);
                if (message.tmpfsSizeBytes != null && Object.hasOwnProperty.call(message, "tmpfsSizeBytes"))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.tmpfsSizeBytes);
                if (message.tmpfsMode != null && Object.hasOwnProperty.call(message, "tmpfsMode"))
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.tmpfsMode);
                return writer;
            };

            /**
             * Decodes a Mount message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Mount
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Mount} Mount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Mount.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Mount();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.type = reader.string();
                            break;
                        }
                    case 2: {
                            message.source = reader.string();
                            break;
                        }
                    case 3: {
                            message.target = reader.string();
                            break;
                        }
                    case 4: {
                            message.readOnly = reader.bool();
                            break;
                        }
                    case 5: {
                            message.bindPropagation = reader.string();
                            break;
                        }
                    case 6: {
                            message.volumeDriver = reader.string();
                            break;
                        }
                    case 7: {
                            if (message.volumeOptions === $util.emptyObject)
                                message.volumeOptions = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.volumeOptions, key);
                            message.volumeOptions[key] = value;
                            break;
                        }
                    case 8: {
                            if (message.volumeLabels === $util.emptyObject)
                                message.volumeLabels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.volumeLabels, key);
                            message.volumeLabels[key] = value;
                            break;
                        }
                    case 9: {
                            message.volumeNocopy = reader.bool();
                            break;
                        }
                    case 10: {
                            message.tmpfsSizeBytes = reader.uint64();
                            break;
                        }
                    case 11: {
                            message.tmpfsMode = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Mount;
        })();

        cluster.Ulimit = (function() {

            /**
             * Properties of an Ulimit.
             * @memberof clusterctl.cluster
             * @interface IUlimit
             * @property {string|null} [name] Ulimit name
             * @property {number|null} [soft] Ulimit soft
             * @property {number|null} [hard] Ulimit hard
             */

            /**
             * Constructs a new Ulimit.
             * @memberof clusterctl.cluster
             * @classdesc Represents an Ulimit.
             * @implements IUlimit
             * @constructor
             * @param {clusterctl.cluster.IUlimit=} [properties] Properties to set
             */
            function Ulimit(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Ulimit name.
             * @member {string} name
             * @memberof clusterctl.cluster.Ulimit
             * @instance
             */
            Ulimit.prototype.name = "";

            /**
             * Ulimit soft.
             * @member {number} soft
             * @memberof clusterctl.cluster.Ulimit
             * @instance
             */
            Ulimit.prototype.soft = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Ulimit hard.
             * @member {number} hard
             * @memberof clusterctl.cluster.Ulimit
             * @instance
             */
            Ulimit.prototype.hard = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Encodes the specified Ulimit message. Does not implicitly {@link clusterctl.cluster.Ulimit.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Ulimit
             * @static
             * @param {clusterctl.cluster.IUlimit} message Ulimit message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ulimit.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.soft != null && Object.hasOwnProperty.call(message, "soft"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.soft);
                if (message.hard != null && Object.hasOwnProperty.call(message, "hard"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.hard);
                return writer;
            };

            /**
             * Decodes an Ulimit message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Ulimit
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Ulimit} Ulimit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ulimit.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Ulimit();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.soft = reader.int64();
                            break;
                        }
                    case 3: {
                            message.hard = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Ulimit;
        })();

        cluster.LogDriver = (function() {

            /**
             * Properties of a LogDriver.
             * @memberof clusterctl.cluster
             * @interface ILogDriver
             * @property {string|null} [name] LogDriver name
             * @property {Object.<string,string>|null} [options] LogDriver options
             */

            /**
             * Constructs a new LogDriver.
             * @memberof clusterctl.cluster
             * @classdesc Represents a LogDriver.
             * @implements ILogDriver
             * @constructor
             * @param {clusterctl.cluster.ILogDriver=} [properties] Properties to set
             */
            function LogDriver(properties) {
                this.options = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LogDriver name.
             * @member {string} name
             * @memberof clusterctl.cluster.LogDriver
             * @instance
             */
            LogDriver.prototype.name = "";

            /**
             * LogDriver options.
             * @member {Object.<string,string>} options
             * @memberof clusterctl.cluster.LogDriver
             * @instance
             */
            LogDriver.prototype.options = $util.emptyObject;

            /**
             * Encodes the specified LogDriver message. Does not implicitly {@link clusterctl.cluster.LogDriver.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.LogDriver
             * @static
             * @param {clusterctl.cluster.ILogDriver} message LogDriver message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogDriver.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.options != null && Object.hasOwnProperty.call(message, "options"))
                    for (var keys = Object.keys(message.options), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.options[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes a LogDriver message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.LogDriver
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.LogDriver} LogDriver
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogDriver.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.LogDriver();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            if (message.options === $util.emptyObject)
                                message.options = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.options, key);
                            message.options[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return LogDriver;
        })();

        cluster.FileReference = (function() {

            /**
             * Properties of a FileReference.
             * @memberof clusterctl.cluster
             * @interface IFileReference
             * @property {string|null} [id] FileReference id
             * @property {string|null} [name] FileReference name
             * @property {string|null} [target] FileReference target
             * @property {string|null} [uid] FileReference uid
             * @property {string|null} [gid] FileReference gid
             * @property {number|null} [mode] FileReference mode
             */

            /**
             * Constructs a new FileReference.
             * @memberof clusterctl.cluster
             * @classdesc Represents a FileReference.
             * @implements IFileReference
             * @constructor
             * @param {clusterctl.cluster.IFileReference=} [properties] Properties to set
             */
            function FileReference(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * FileReference id.
             * @member {string} id
             * @memberof clusterctl.cluster.FileReference
             * @instance
             */
            FileReference.prototype.id = "";

            /**
             * FileReference name.
             * @member {string} name
             * @memberof clusterctl.cluster.FileReference
             * @instance
             */
            FileReference.prototype.name = "";

            /**
             * FileReference target.
             * @member {string} target
             * @memberof clusterctl.cluster.FileReference
             * @instance
             */
            FileReference.prototype.target = "";

            /**
             * FileReference uid.
             * @member {string} uid
             * @memberof clusterctl.cluster.FileReference
             * @instance
             */
            FileReference.prototype.uid = "";

            /**
             * FileReference gid.
             * @member {string} gid
             * @memberof clusterctl.cluster.FileReference
             * @instance
             */
            FileReference.prototype.gid = "";

            /**
             * FileReference mode.
             * @member {number} mode
             * @memberof clusterctl.cluster.FileReference
             * @instance
             */
            FileReference.prototype.mode = 0;

            /**
             * Encodes the specified FileReference message. Does not implicitly {@link clusterctl.cluster.FileReference.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.FileReference
             * @static
             * @param {clusterctl.cluster.IFileReference} message FileReference message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileReference.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.target != null && Object.hasOwnProperty.call(message, "target"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.target);
                if (message.uid != null && Object.hasOwnProperty.call(message, "uid"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.uid);
                if (message.gid != null && Object.hasOwnProperty.call(message, "gid"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.gid);
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.mode);
                return writer;
            };

            /**
             * Decodes a FileReference message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.FileReference
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.FileReference} FileReference
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileReference.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.FileReference();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.name = reader.string();
                            break;
                        }
                    case 3: {
                            message.target = reader.string();
                            break;
                        }
                    case 4: {
                            message.uid = reader.string();
                            break;
                        }
                    case 5: {
                            message.gid = reader.string();
                            break;
                        }
                    case 6: {
                            message.mode = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return FileReference;
        })();

        cluster.Secret = (function() {

            /**
             * Properties of a Secret.
             * @memberof clusterctl.cluster
             * @interface ISecret
             * @property {string|null} [id] Secret id
             * @property {clusterctl.cluster.IMeta|null} [meta] Secret meta
             * @property {string|null} [name] Secret name
             * @property {Object.<string,string>|null} [labels] Secret labels
             */

            /**
             * Constructs a new Secret.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Secret.
             * @implements ISecret
             * @constructor
             * @param {clusterctl.cluster.ISecret=} [properties] Properties to set
             */
            function Secret(properties) {
                this.labels = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Secret id.
             * @member {string} id
             * @memberof clusterctl.cluster.Secret
             * @instance
             */
            Secret.prototype.id = "";

            /**
             * Secret meta.
             * @member {clusterctl.cluster.IMeta|null|undefined} meta
             * @memberof clusterctl.cluster.Secret
             * @instance
             */
            Secret.prototype.meta = null;

            /**
             * Secret name.
             * @member {string} name
             * @memberof clusterctl.cluster.Secret
             * @instance
             */
            Secret.prototype.name = "";

            /**
             * Secret labels.
             * @member {Object.<string,string>} labels
             * @memberof clusterctl.cluster.Secret
             * @instance
             */
            Secret.prototype.labels = $util.emptyObject;

            /**
             * Encodes the specified Secret message. Does not implicitly {@link clusterctl.cluster.Secret.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Secret
             * @static
             * @param {clusterctl.cluster.ISecret} message Secret message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Secret.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.meta != null && Object.hasOwnProperty.call(message, "meta"))
                    $root.clusterctl.cluster.Meta.encode(message.meta, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.name);
                if (message.labels != null && Object.hasOwnProperty.call(message, "labels"))
                    for (var keys = Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes a Secret message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Secret
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Secret} Secret
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Secret.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Secret();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.meta = $root.clusterctl.cluster.Meta.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.name = reader.string();
                            break;
                        }
                    case 4: {
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Secret;
        })();

        cluster.Config = (function() {

            /**
             * Properties of a Config.
             * @memberof clusterctl.cluster
             * @interface IConfig
             * @property {string|null} [id] Config id
             * @property {clusterctl.cluster.IMeta|null} [meta] Config meta
             * @property {string|null} [name] Config name
             * @property {Object.<string,string>|null} [labels] Config labels
             * @property {Uint8Array|null} [data] Config data
             */

            /**
             * Constructs a new Config.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Config.
             * @implements IConfig
             * @constructor
             * @param {clusterctl.cluster.IConfig=} [properties] Properties to set
             */
            function Config(properties) {
                this.labels = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Config id.
             * @member {string} id
             * @memberof clusterctl.cluster.Config
             * @instance
             */
            Config.prototype.id = "";

            /**
             * Config meta.
             * @member {clusterctl.cluster.IMeta|null|undefined} meta
             * @memberof clusterctl.cluster.Config
             * @instance
             */
            Config.prototype.meta = null;

            /**
             * Config name.
             * @member {string} name
             * @memberof clusterctl.cluster.Config
             * @instance
             */
            Config.prototype.name = "";

            /**
             * Config labels.
             * @member {Object.<string,string>} labels
             * @memberof clusterctl.cluster.Config
             * @instance
             */
            Config.prototype.labels = $util.emptyObject;

            /**
             * Config data.
             * @member {Uint8Array} data
             * @memberof clusterctl.cluster.Config
             * @instance
             */
            Config.prototype.data = $util.newBuffer([]);

            /**
             * Encodes the specified Config message. Does not implicitly {@link clusterctl.cluster.Config.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Config
             * @static
             * @param {clusterctl.cluster.IConfig} message Config message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Config.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.meta != null && Object.hasOwnProperty.call(message, "meta"))
                    $root.clusterctl.cluster.Meta.encode(message.meta, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.name);
                if (message.labels != null && Object.hasOwnProperty.call(message, "labels"))
                    for (var keys = Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.data);
                return writer;
            };

            /**
             * Decodes a Config message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Config
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Config} Config
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Config.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Config();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.meta = $root.clusterctl.cluster.Meta.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.name = reader.string();
                            break;
                        }
                    case 4: {
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            break;
                        }
                    case 5: {
                            message.data = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Config;
        })();

        cluster.UpdateConfig = (function() {

            /**
             * Properties of an UpdateConfig.
             * @memberof clusterctl.cluster
             * @interface IUpdateConfig
             * @property {number|null} [parallelism] UpdateConfig parallelism
             * @property {number|null} [delayMs] UpdateConfig delayMs
             * @property {string|null} [order] UpdateConfig order
             * @property {string|null} [failureAction] UpdateConfig failureAction
             * @property {number|null} [monitorMs] UpdateConfig monitorMs
             * @property {number|null} [maxFailureRatio] UpdateConfig maxFailureRatio
             */

            /**
             * Constructs a new UpdateConfig.
             * @memberof clusterctl.cluster
             * @classdesc Represents an UpdateConfig.
             * @implements IUpdateConfig
             * @constructor
             * @param {clusterctl.cluster.IUpdateConfig=} [properties] Properties to set
             */
            function UpdateConfig(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UpdateConfig parallelism.
             * @member {number} parallelism
             * @memberof clusterctl.cluster.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.parallelism = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateConfig delayMs.
             * @member {number} delayMs
             * @memberof clusterctl.cluster.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.delayMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateConfig order.
             * @member {string} order
             * @memberof clusterctl.cluster.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.order = "";

            /**
             * UpdateConfig failureAction.
             * @member {string} failureAction
             * @memberof clusterctl.cluster.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.failureAction = "";

            /**
             * UpdateConfig monitorMs.
             * @member {number} monitorMs
             * @memberof clusterctl.cluster.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.monitorMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateConfig maxFailureRatio.
             * @member {number} maxFailureRatio
             * @memberof clusterctl.cluster.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.maxFailureRatio = 0;

            /**
             * Encodes the specified UpdateConfig message. Does not implicitly {@link clusterctl.cluster.UpdateConfig.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.UpdateConfig
             * @static
             * @param {clusterctl.cluster.IUpdateConfig} message UpdateConfig message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateConfig.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.parallelism != null && Object.hasOwnProperty.call(message, "parallelism"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.parallelism);
                if (message.delayMs != null && Object.hasOwnProperty.call(message, "delayMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.delayMs);
                if (message.order != null && Object.hasOwnProperty.call(message, "order"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.order);
                if (message.failureAction != null && Object.hasOwnProperty.call(message, "failureAction"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.failureAction);
                if (message.monitorMs != null && Object.hasOwnProperty.call(message, "monitorMs"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.monitorMs);
                if (message.maxFailureRatio != null && Object.hasOwnProperty.call(message, "maxFailureRatio"))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.maxFailureRatio);
                return writer;
            };

            /**
             * Decodes an UpdateConfig message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.UpdateConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.UpdateConfig} UpdateConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateConfig.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.UpdateConfig();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.parallelism = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.delayMs = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.order = reader.string();
                            break;
                        }
                    case 4: {
                            message.failureAction = reader.string();
                            break;
                        }
                    case 5: {
                            message.monitorMs = reader.uint64();
                            break;
                        }
                    case 6: {
                            message.maxFailureRatio = reader.double();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UpdateConfig;
        })();

        cluster.UpdateStatus = (function() {

            /**
             * Properties of an UpdateStatus.
             * @memberof clusterctl.cluster
             * @interface IUpdateStatus
             * @property {string|null} [state] UpdateStatus state
             * @property {number|null} [startedAt] UpdateStatus startedAt
             * @property {number|null} [completedAt] UpdateStatus completedAt
             * @property {string|null} [message] UpdateStatus message
             */

            /**
             * Constructs a new UpdateStatus.
             * @memberof clusterctl.cluster
             * @classdesc Represents an UpdateStatus.
             * @implements IUpdateStatus
             * @constructor
             * @param {clusterctl.cluster.IUpdateStatus=} [properties] Properties to set
             */
            function UpdateStatus(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UpdateStatus state.
             * @member {string} state
             * @memberof clusterctl.cluster.UpdateStatus
             * @instance
             */
            UpdateStatus.prototype.state = "";

            /**
             * UpdateStatus startedAt.
             * @member {number} startedAt
             * @memberof clusterctl.cluster.UpdateStatus
             * @instance
             */
            UpdateStatus.prototype.startedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateStatus completedAt.
             * @member {number} completedAt
             * @memberof clusterctl.cluster.UpdateStatus
             * @instance
             */
            UpdateStatus.prototype.completedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateStatus message.
             * @member {string} message
             * @memberof clusterctl.cluster.UpdateStatus
             * @instance
             */
            UpdateStatus.prototype.message = "";

            /**
             * Encodes the specified UpdateStatus message. Does not implicitly {@link clusterctl.cluster.UpdateStatus.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.UpdateStatus
             * @static
             * @param {clusterctl.cluster.IUpdateStatus} message UpdateStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateStatus.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.state);
                if (message.startedAt != null && Object.hasOwnProperty.call(message, "startedAt"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.startedAt);
                if (message.completedAt != null && Object.hasOwnProperty.call(message, "completedAt"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.completedAt);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.message);
                return writer;
            };

            /**
             * Decodes an UpdateStatus message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.UpdateStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.UpdateStatus} UpdateStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateStatus.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.UpdateStatus();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.state = reader.string();
                            break;
                        }
                    case 2: {
                            message.startedAt = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.completedAt = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.message = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UpdateStatus;
        })();

        cluster.Service = (function() {

            /**
             * Properties of a Service.
             * @memberof clusterctl.cluster
             * @interface IService
             * @property {string|null} [id] Service id
             * @property {clusterctl.cluster.IMeta|null} [meta] Service meta
             * @property {clusterctl.cluster.IServiceSpec|null} [spec] Service spec
             * @property {clusterctl.cluster.IUpdateStatus|null} [updateStatus] Service updateStatus
             * @property {clusterctl.cluster.IServiceSpec|null} [previousSpec] Service previousSpec
             * @property {clusterctl.cluster.IServiceEndpoint|null} [endpoint] Service endpoint
             */

            /**
             * Constructs a new Service.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Service.
             * @implements IService
             * @constructor
             * @param {clusterctl.cluster.IService=} [properties] Properties to set
             */
            function Service(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Service id.
             * @member {string} id
             * @memberof clusterctl.cluster.Service
             * @instance
             */
            Service.prototype.id = "";

            /**
             * Service meta.
             * @member {clusterctl.cluster.IMeta|null|undefined} meta
             * @memberof clusterctl.cluster.Service
             * @instance
             */
            Service.prototype.meta = null;

            /**
             * Service spec.
             * @member {clusterctl.cluster.IServiceSpec|null|undefined} spec
             * @memberof clusterctl.cluster.Service
             * @instance
             */
            Service.prototype.spec = null;

            /**
             * Service updateStatus.
             * @member {clusterctl.cluster.IUpdateStatus|null|undefined} updateStatus
             * @memberof clusterctl.cluster.Service
             * @instance
             */
            Service.prototype.updateStatus = null;

            /**
             * Service previousSpec.
             * @member {clusterctl.cluster.IServiceSpec|null|undefined} previousSpec
             * @memberof clusterctl.cluster.Service
             * @instance
             */
            Service.prototype.previousSpec = null;

            /**
             * Service endpoint.
             * @member {clusterctl.cluster.IServiceEndpoint|null|undefined} endpoint
             * @memberof clusterctl.cluster.Service
             * @instance
             */
            Service.prototype.endpoint = null;

            /**
             * Encodes the specified Service message. Does not implicitly {@link clusterctl.cluster.Service.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Service
             * @static
             * @param {clusterctl.cluster.IService} message Service message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Service.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.meta != null && Object.hasOwnProperty.call(message, "meta"))
                    $root.clusterctl.cluster.Meta.encode(message.meta, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.clusterctl.cluster.ServiceSpec.encode(message.spec, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.updateStatus != null && Object.hasOwnProperty.call(message, "updateStatus"))
                    $root.clusterctl.cluster.UpdateStatus.encode(message.updateStatus, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.previousSpec != null && Object.hasOwnProperty.call(message, "previousSpec"))
                    $root.clusterctl.cluster.ServiceSpec.encode(message.previousSpec, writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.endpoint != null && Object.hasOwnProperty.call(message, "endpoint"))
                    $root.clusterctl.cluster.ServiceEndpoint.encode(message.endpoint, writer.uint32(/* id 20, wireType 2 =*/162).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Service message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Service
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Service} Service
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Service.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Service();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.meta = $root.clusterctl.cluster.Meta.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.spec = $root.clusterctl.cluster.ServiceSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            message.updateStatus = $root.clusterctl.cluster.UpdateStatus.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 5: {
                            message.previousSpec = $root.clusterctl.cluster.ServiceSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 20: {
                            message.endpoint = $root.clusterctl.cluster.ServiceEndpoint.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Service;
        })();

        cluster.ServiceEndpoint = (function() {

            /**
             * Properties of a ServiceEndpoint.
             * @memberof clusterctl.cluster
             * @interface IServiceEndpoint
             * @property {Array.<clusterctl.cluster.IServiceVirtualIp>|null} [virtualIps] ServiceEndpoint virtualIps
             * @property {Array.<clusterctl.cluster.IPortConfig>|null} [ports] ServiceEndpoint ports
             */

            /**
             * Constructs a new ServiceEndpoint.
             * @memberof clusterctl.cluster
             * @classdesc Represents a ServiceEndpoint.
             * @implements IServiceEndpoint
             * @constructor
             * @param {clusterctl.cluster.IServiceEndpoint=} [properties] Properties to set
             */
            function ServiceEndpoint(properties) {
                this.virtualIps = [];
                this.ports = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ServiceEndpoint virtualIps.
             * @member {Array.<clusterctl.cluster.IServiceVirtualIp>} virtualIps
             * @memberof clusterctl.cluster.ServiceEndpoint
             * @instance
             */
            ServiceEndpoint.prototype.virtualIps = $util.emptyArray;

            /**
             * ServiceEndpoint ports.
             * @member {Array.<clusterctl.cluster.IPortConfig>} ports
             * @memberof clusterctl.cluster.ServiceEndpoint
             * @instance
             */
            ServiceEndpoint.prototype.ports = $util.emptyArray;

            /**
             * Encodes the specified ServiceEndpoint message. Does not implicitly {@link clusterctl.cluster.ServiceEndpoint.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.ServiceEndpoint
             * @static
             * @param {clusterctl.cluster.IServiceEndpoint} message ServiceEndpoint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServiceEndpoint.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.virtualIps != null && message.virtualIps.length)
                    for (var i = 0; i < message.virtualIps.length; ++i)
                        $root.clusterctl.cluster.ServiceVirtualIp.encode(message.virtualIps[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.ports != null && message.ports.length)
                    for (var i = 0; i < message.ports.length; ++i)
                        $root.clusterctl.cluster.PortConfig.encode(message.ports[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ServiceEndpoint message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.ServiceEndpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.ServiceEndpoint} ServiceEndpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServiceEndpoint.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.ServiceEndpoint();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.virtualIps && message.virtualIps.length))
                                message.virtualIps = [];
                            message.virtualIps.push($root.clusterctl.cluster.ServiceVirtualIp.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 2: {
                            if (!(message.ports && message.ports.length))
                                message.ports = [];
                            message.ports.push($root.clusterctl.cluster.PortConfig.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ServiceEndpoint;
        })();

        cluster.ServiceVirtualIp = (function() {

            /**
             * Properties of a ServiceVirtualIp.
             * @memberof clusterctl.cluster
             * @interface IServiceVirtualIp
             * @property {string|null} [networkId] ServiceVirtualIp networkId
             * @property {string|null} [addr] ServiceVirtualIp addr
             */

            /**
             * Constructs a new ServiceVirtualIp.
             * @memberof clusterctl.cluster
             * @classdesc Represents a ServiceVirtualIp.
             * @implements IServiceVirtualIp
             * @constructor
             * @param {clusterctl.cluster.IServiceVirtualIp=} [properties] Properties to set
             */
            function ServiceVirtualIp(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ServiceVirtualIp networkId.
             * @member {string} networkId
             * @memberof clusterctl.cluster.ServiceVirtualIp
             * @instance
             */
            ServiceVirtualIp.prototype.networkId = "";

            /**
             * ServiceVirtualIp addr.
             * @member {string} addr
             * @memberof clusterctl.cluster.ServiceVirtualIp
             * @instance
             */
            ServiceVirtualIp.prototype.addr = "";

            /**
             * Encodes the specified ServiceVirtualIp message. Does not implicitly {@link clusterctl.cluster.ServiceVirtualIp.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.ServiceVirtualIp
             * @static
             * @param {clusterctl.cluster.IServiceVirtualIp} message ServiceVirtualIp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServiceVirtualIp.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.networkId != null && Object.hasOwnProperty.call(message, "networkId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.networkId);
                if (message.addr != null && Object.hasOwnProperty.call(message, "addr"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.addr);
                return writer;
            };

            /**
             * Decodes a ServiceVirtualIp message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.ServiceVirtualIp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.ServiceVirtualIp} ServiceVirtualIp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServiceVirtualIp.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.ServiceVirtualIp();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.networkId = reader.string();
                            break;
                        }
                    case 2: {
                            message.addr = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ServiceVirtualIp;
        })();

        cluster.Network = (function() {

            /**
             * Properties of a Network.
             * @memberof clusterctl.cluster
             * @interface INetwork
             * @property {string|null} [id] Network id
             * @property {clusterctl.cluster.IMeta|null} [meta] Network meta
             * @property {clusterctl.cluster.INetworkSpec|null} [spec] Network spec
             */

            /**
             * Constructs a new Network.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Network.
             * @implements INetwork
             * @constructor
             * @param {clusterctl.cluster.INetwork=} [properties] Properties to set
             */
            function Network(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Network id.
             * @member {string} id
             * @memberof clusterctl.cluster.Network
             * @instance
             */
            Network.prototype.id = "";

            /**
             * Network meta.
             * @member {clusterctl.cluster.IMeta|null|undefined} meta
             * @memberof clusterctl.cluster.Network
             * @instance
             */
            Network.prototype.meta = null;

            /**
             * Network spec.
             * @member {clusterctl.cluster.INetworkSpec|null|undefined} spec
             * @memberof clusterctl.cluster.Network
             * @instance
             */
            Network.prototype.spec = null;

            /**
             * Encodes the specified Network message. Does not implicitly {@link clusterctl.cluster.Network.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Network
             * @static
             * @param {clusterctl.cluster.INetwork} message Network message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Network.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.meta != null && Object.hasOwnProperty.call(message, "meta"))
                    $root.clusterctl.cluster.Meta.encode(message.meta, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.clusterctl.cluster.NetworkSpec.encode(message.spec, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Network message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Network
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Network} Network
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Network.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Network();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.meta = $root.clusterctl.cluster.Meta.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.spec = $root.clusterctl.cluster.NetworkSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Network;
        })();

        cluster.NetworkSpec = (function() {

            /**
             * Properties of a NetworkSpec.
             * @memberof clusterctl.cluster
             * @interface INetworkSpec
             * @property {string|null} [name] NetworkSpec name
             * @property {Object.<string,string>|null} [labels] NetworkSpec labels
             * @property {string|null} [driver] NetworkSpec driver
             */

            /**
             * Constructs a new NetworkSpec.
             * @memberof clusterctl.cluster
             * @classdesc Represents a NetworkSpec.
             * @implements INetworkSpec
             * @constructor
             * @param {clusterctl.cluster.INetworkSpec=} [properties] Properties to set
             */
            function NetworkSpec(properties) {
                this.labels = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkSpec name.
             * @member {string} name
             * @memberof clusterctl.cluster.NetworkSpec
             * @instance
             */
            NetworkSpec.prototype.name = "";

            /**
             * NetworkSpec labels.
             * @member {Object.<string,string>} labels
             * @memberof clusterctl.cluster.NetworkSpec
             * @instance
             */
            NetworkSpec.prototype.labels = $util.emptyObject;

            /**
             * NetworkSpec driver.
             * @member {string} driver
             * @memberof clusterctl.cluster.NetworkSpec
             * @instance
             */
            NetworkSpec.prototype.driver = "";

            /**
             * Encodes the specified NetworkSpec message. Does not implicitly {@link clusterctl.cluster.NetworkSpec.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.NetworkSpec
             * @static
             * @param {clusterctl.cluster.INetworkSpec} message NetworkSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkSpec.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.labels != null && Object.hasOwnProperty.call(message, "labels"))
                    for (var keys = Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.driver != null && Object.hasOwnProperty.call(message, "driver"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.driver);
                return writer;
            };

            /**
             * Decodes a NetworkSpec message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.NetworkSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.NetworkSpec} NetworkSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkSpec.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.NetworkSpec();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            break;
                        }
                    case 3: {
                            message.driver = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkSpec;
        })();

        cluster.TaskStatus = (function() {

            /**
             * Properties of a TaskStatus.
             * @memberof clusterctl.cluster
             * @interface ITaskStatus
             * @property {string|null} [state] TaskStatus state
             * @property {string|null} [message] TaskStatus message
             * @property {number|null} [timestamp] TaskStatus timestamp
             * @property {string|null} [containerId] TaskStatus containerId
             * @property {number|null} [exitCode] TaskStatus exitCode
             * @property {boolean|null} [hasExitCode] TaskStatus hasExitCode
             * @property {string|null} [err] TaskStatus err
             * @property {string|null} [health] TaskStatus health
             * @property {string|null} [healthMessage] TaskStatus healthMessage
             * @property {string|null} [ip] TaskStatus ip
             */

            /**
             * Constructs a new TaskStatus.
             * @memberof clusterctl.cluster
             * @classdesc Represents a TaskStatus.
             * @implements ITaskStatus
             * @constructor
             * @param {clusterctl.cluster.ITaskStatus=} [properties] Properties to set
             */
            function TaskStatus(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskStatus state.
             * @member {string} state
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.state = "";

            /**
             * TaskStatus message.
             * @member {string} message
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.message = "";

            /**
             * TaskStatus timestamp.
             * @member {number} timestamp
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TaskStatus containerId.
             * @member {string} containerId
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.containerId = "";

            /**
             * TaskStatus exitCode.
             * @member {number} exitCode
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.exitCode = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TaskStatus hasExitCode.
             * @member {boolean} hasExitCode
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.hasExitCode = false;

            /**
             * TaskStatus err.
             * @member {string} err
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.err = "";

            /**
             * TaskStatus health.
             * @member {string} health
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.health = "";

            /**
             * TaskStatus healthMessage.
             * @member {string} healthMessage
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.healthMessage = "";

            /**
             * TaskStatus ip.
             * @member {string} ip
             * @memberof clusterctl.cluster.TaskStatus
             * @instance
             */
            TaskStatus.prototype.ip = "";

            /**
             * Encodes the specified TaskStatus message. Does not implicitly {@link clusterctl.cluster.TaskStatus.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.TaskStatus
             * @static
             * @param {clusterctl.cluster.ITaskStatus} message TaskStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskStatus.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.state);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.timestamp != null && Object.hasOwnProperty.call(message, "timestamp"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.timestamp);
                if (message.containerId != null && Object.hasOwnProperty.call(message, "containerId"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.containerId);
                if (message.exitCode != null && Object.hasOwnProperty.call(message, "exitCode"))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.exitCode);
                if (message.hasExitCode != null && Object.hasOwnProperty.call(message, "hasExitCode"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.hasExitCode);
                if (message.err != null && Object.hasOwnProperty.call(message, "err"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.err);
                if (message.health != null && Object.hasOwnProperty.call(message, "health"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.health);
                if (message.healthMessage != null && Object.hasOwnProperty.call(message, "healthMessage"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.healthMessage);
                if (message.ip != null && Object.hasOwnProperty.call(message, "ip"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.ip);
                return writer;
            };

            /**
             * Decodes a TaskStatus message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.TaskStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.TaskStatus} TaskStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskStatus.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.TaskStatus();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.state = reader.string();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    case 3: {
                            message.timestamp = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.containerId = reader.string();
                            break;
                        }
                    case 5: {
                            message.exitCode = reader.int64();
                            break;
                        }
                    case 6: {
                            message.hasExitCode = reader.bool();
                            break;
                        }
                    case 7: {
                            message.err = reader.string();
                            break;
                        }
                    case 8: {
                            message.health = reader.string();
                            break;
                        }
                    case 9: {
                            message.healthMessage = reader.string();
                            break;
                        }
                    case 10: {
                            message.ip = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return TaskStatus;
        })();

        cluster.Task = (function() {

            /**
             * Properties of a Task.
             * @memberof clusterctl.cluster
             * @interface ITask
             * @property {string|null} [id] Task id
             * @property {clusterctl.cluster.IMeta|null} [meta] Task meta
             * @property {string|null} [serviceId] Task serviceId
             * @property {number|null} [slot] Task slot
             * @property {string|null} [nodeId] Task nodeId
             * @property {string|null} [desiredState] Task desiredState
             * @property {clusterctl.cluster.ITaskStatus|null} [status] Task status
             * @property {clusterctl.cluster.IServiceSpec|null} [spec] Task spec
             * @property {number|null} [serviceVersion] Task serviceVersion
             */

            /**
             * Constructs a new Task.
             * @memberof clusterctl.cluster
             * @classdesc Represents a Task.
             * @implements ITask
             * @constructor
             * @param {clusterctl.cluster.ITask=} [properties] Properties to set
             */
            function Task(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Task id.
             * @member {string} id
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.id = "";

            /**
             * Task meta.
             * @member {clusterctl.cluster.IMeta|null|undefined} meta
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.meta = null;

            /**
             * Task serviceId.
             * @member {string} serviceId
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.serviceId = "";

            /**
             * Task slot.
             * @member {number} slot
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.slot = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Task nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.nodeId = "";

            /**
             * Task desiredState.
             * @member {string} desiredState
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.desiredState = "";

            /**
             * Task status.
             * @member {clusterctl.cluster.ITaskStatus|null|undefined} status
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.status = null;

            /**
             * Task spec.
             * @member {clusterctl.cluster.IServiceSpec|null|undefined} spec
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.spec = null;

            /**
             * Task serviceVersion.
             * @member {number} serviceVersion
             * @memberof clusterctl.cluster.Task
             * @instance
             */
            Task.prototype.serviceVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified Task message. Does not implicitly {@link clusterctl.cluster.Task.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.cluster.Task
             * @static
             * @param {clusterctl.cluster.ITask} message Task message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Task.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.meta != null && Object.hasOwnProperty.call(message, "meta"))
                    $root.clusterctl.cluster.Meta.encode(message.meta, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.serviceId != null && Object.hasOwnProperty.call(message, "serviceId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.serviceId);
                if (message.slot != null && Object.hasOwnProperty.call(message, "slot"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.slot);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.nodeId);
                if (message.desiredState != null && Object.hasOwnProperty.call(message, "desiredState"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.desiredState);
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    $root.clusterctl.cluster.TaskStatus.encode(message.status, writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.clusterctl.cluster.ServiceSpec.encode(message.spec, writer.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (message.serviceVersion != null && Object.hasOwnProperty.call(message, "serviceVersion"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.serviceVersion);
                return writer;
            };

            /**
             * Decodes a Task message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.cluster.Task
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.cluster.Task} Task
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Task.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.cluster.Task();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.meta = $root.clusterctl.cluster.Meta.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.serviceId = reader.string();
                            break;
                        }
                    case 4: {
                            message.slot = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 6: {
                            message.desiredState = reader.string();
                            break;
                        }
                    case 7: {
                            message.status = $root.clusterctl.cluster.TaskStatus.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 8: {
                            message.spec = $root.clusterctl.cluster.ServiceSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 9: {
                            message.serviceVersion = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Task;
        })();

        return cluster;
    })();

    clusterctl.control = (function() {

        /**
         * Namespace control.
         * @memberof clusterctl
         * @namespace
         */
        var control = {};

        control.GetNodeRequest = (function() {

            /**
             * Properties of a GetNodeRequest.
             * @memberof clusterctl.control
             * @interface IGetNodeRequest
             * @property {string|null} [node] GetNodeRequest node
             */

            /**
             * Constructs a new GetNodeRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a GetNodeRequest.
             * @implements IGetNodeRequest
             * @constructor
             * @param {clusterctl.control.IGetNodeRequest=} [properties] Properties to set
             */
            function GetNodeRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetNodeRequest node.
             * @member {string} node
             * @memberof clusterctl.control.GetNodeRequest
             * @instance
             */
            GetNodeRequest.prototype.node = "";

            /**
             * Encodes the specified GetNodeRequest message. Does not implicitly {@link clusterctl.control.GetNodeRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.GetNodeRequest
             * @static
             * @param {clusterctl.control.IGetNodeRequest} message GetNodeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetNodeRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.node);
                return writer;
            };

            /**
             * Decodes a GetNodeRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.GetNodeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.GetNodeRequest} GetNodeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetNodeRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.GetNodeRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.node = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetNodeRequest;
        })();

        control.ListNodesRequest = (function() {

            /**
             * Properties of a ListNodesRequest.
             * @memberof clusterctl.control
             * @interface IListNodesRequest
             * @property {Object.<string,string>|null} [filters] ListNodesRequest filters
             */

            /**
             * Constructs a new ListNodesRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a ListNodesRequest.
             * @implements IListNodesRequest
             * @constructor
             * @param {clusterctl.control.IListNodesRequest=} [properties] Properties to set
             */
            function ListNodesRequest(properties) {
                this.filters = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListNodesRequest filters.
             * @member {Object.<string,string>} filters
             * @memberof clusterctl.control.ListNodesRequest
             * @instance
             */
            ListNodesRequest.prototype.filters = $util.emptyObject;

            /**
             * Encodes the specified ListNodesRequest message. Does not implicitly {@link clusterctl.control.ListNodesRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListNodesRequest
             * @static
             * @param {clusterctl.control.IListNodesRequest} message ListNodesRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListNodesRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.filters != null && Object.hasOwnProperty.call(message, "filters"))
                    for (var keys = Object.keys(message.filters), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.filters[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes a ListNodesRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListNodesRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListNodesRequest} ListNodesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListNodesRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListNodesRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (message.filters === $util.emptyObject)
                                message.filters = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.filters, key);
                            message.filters[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListNodesRequest;
        })();

        control.ListNodesResponse = (function() {

            /**
             * Properties of a ListNodesResponse.
             * @memberof clusterctl.control
             * @interface IListNodesResponse
             * @property {Array.<clusterctl.cluster.INode>|null} [nodes] ListNodesResponse nodes
             */

            /**
             * Constructs a new ListNodesResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a ListNodesResponse.
             * @implements IListNodesResponse
             * @constructor
             * @param {clusterctl.control.IListNodesResponse=} [properties] Properties to set
             */
            function ListNodesResponse(properties) {
                this.nodes = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListNodesResponse nodes.
             * @member {Array.<clusterctl.cluster.INode>} nodes
             * @memberof clusterctl.control.ListNodesResponse
             * @instance
             */
            ListNodesResponse.prototype.nodes = $util.emptyArray;

            /**
             * Encodes the specified ListNodesResponse message. Does not implicitly {@link clusterctl.control.ListNodesResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListNodesResponse
             * @static
             * @param {clusterctl.control.IListNodesResponse} message ListNodesResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListNodesResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.nodes != null && message.nodes.length)
                    for (var i = 0; i < message.nodes.length; ++i)
                        $root.clusterctl.cluster.Node.encode(message.nodes[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ListNodesResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListNodesResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListNodesResponse} ListNodesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListNodesResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListNodesResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.nodes && message.nodes.length))
                                message.nodes = [];
                            message.nodes.push($root.clusterctl.cluster.Node.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListNodesResponse;
        })();

        control.UpdateNodeRequest = (function() {

            /**
             * Properties of an UpdateNodeRequest.
             * @memberof clusterctl.control
             * @interface IUpdateNodeRequest
             * @property {string|null} [node] UpdateNodeRequest node
             * @property {number|null} [version] UpdateNodeRequest version
             * @property {string|null} [availability] UpdateNodeRequest availability
             * @property {Object.<string,string>|null} [labelAdd] UpdateNodeRequest labelAdd
             * @property {Array.<string>|null} [labelRm] UpdateNodeRequest labelRm
             * @property {string|null} [role] UpdateNodeRequest role
             */

            /**
             * Constructs a new UpdateNodeRequest.
             * @memberof clusterctl.control
             * @classdesc Represents an UpdateNodeRequest.
             * @implements IUpdateNodeRequest
             * @constructor
             * @param {clusterctl.control.IUpdateNodeRequest=} [properties] Properties to set
             */
            function UpdateNodeRequest(properties) {
                this.labelAdd = {};
                this.labelRm = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UpdateNodeRequest node.
             * @member {string} node
             * @memberof clusterctl.control.UpdateNodeRequest
             * @instance
             */
            UpdateNodeRequest.prototype.node = "";

            /**
             * UpdateNodeRequest version.
             * @member {number} version
             * @memberof clusterctl.control.UpdateNodeRequest
             * @instance
             */
            UpdateNodeRequest.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateNodeRequest availability.
             * @member {string} availability
             * @memberof clusterctl.control.UpdateNodeRequest
             * @instance
             */
            UpdateNodeRequest.prototype.availability = "";

            /**
             * UpdateNodeRequest labelAdd.
             * @member {Object.<string,string>} labelAdd
             * @memberof clusterctl.control.UpdateNodeRequest
             * @instance
             */
            UpdateNodeRequest.prototype.labelAdd = $util.emptyObject;

            /**
             * UpdateNodeRequest labelRm.
             * @member {Array.<string>} labelRm
             * @memberof clusterctl.control.UpdateNodeRequest
             * @instance
             */
            UpdateNodeRequest.prototype.labelRm = $util.emptyArray;

            /**
             * UpdateNodeRequest role.
             * @member {string} role
             * @memberof clusterctl.control.UpdateNodeRequest
             * @instance
             */
            UpdateNodeRequest.prototype.role = "";

            /**
             * Encodes the specified UpdateNodeRequest message. Does not implicitly {@link clusterctl.control.UpdateNodeRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.UpdateNodeRequest
             * @static
             * @param {clusterctl.control.IUpdateNodeRequest} message UpdateNodeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateNodeRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.node);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.version);
                if (message.availability != null && Object.hasOwnProperty.call(message, "availability"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.availability);
                if (message.labelAdd != null && Object.hasOwnProperty.call(message, "labelAdd"))
                    for (var keys = Object.keys(message.labelAdd), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labelAdd[keys[i]]).ldelim();
                if (message.labelRm != null && message.labelRm.length)
                    for (var i = 0; i < message.labelRm.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.labelRm[i]);
                if (message.role != null && Object.hasOwnProperty.call(message, "role"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.role);
                return writer;
            };

            /**
             * Decodes an UpdateNodeRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.UpdateNodeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.UpdateNodeRequest} UpdateNodeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateNodeRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.UpdateNodeRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.node = reader.string();
                            break;
                        }
                    case 2: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.availability = reader.string();
                            break;
                        }
                    case 4: {
                            if (message.labelAdd === $util.emptyObject)
                                message.labelAdd = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labelAdd, key);
                            message.labelAdd[key] = value;
                            break;
                        }
                    case 5: {
                            if (!(message.labelRm && message.labelRm.length))
                                message.labelRm = [];
                            message.labelRm.push(reader.string());
                            break;
                        }
                    case 6: {
                            message.role = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UpdateNodeRequest;
        })();

        control.RemoveNodeRequest = (function() {

            /**
             * Properties of a RemoveNodeRequest.
             * @memberof clusterctl.control
             * @interface IRemoveNodeRequest
             * @property {string|null} [node] RemoveNodeRequest node
             * @property {boolean|null} [force] RemoveNodeRequest force
             */

            /**
             * Constructs a new RemoveNodeRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a RemoveNodeRequest.
             * @implements IRemoveNodeRequest
             * @constructor
             * @param {clusterctl.control.IRemoveNodeRequest=} [properties] Properties to set
             */
            function RemoveNodeRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RemoveNodeRequest node.
             * @member {string} node
             * @memberof clusterctl.control.RemoveNodeRequest
             * @instance
             */
            RemoveNodeRequest.prototype.node = "";

            /**
             * RemoveNodeRequest force.
             * @member {boolean} force
             * @memberof clusterctl.control.RemoveNodeRequest
             * @instance
             */
            RemoveNodeRequest.prototype.force = false;

            /**
             * Encodes the specified RemoveNodeRequest message. Does not implicitly {@link clusterctl.control.RemoveNodeRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.RemoveNodeRequest
             * @static
             * @param {clusterctl.control.IRemoveNodeRequest} message RemoveNodeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RemoveNodeRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.node);
                if (message.force != null && Object.hasOwnProperty.call(message, "force"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.force);
                return writer;
            };

            /**
             * Decodes a RemoveNodeRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.RemoveNodeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.RemoveNodeRequest} RemoveNodeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RemoveNodeRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.RemoveNodeRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.node = reader.string();
                            break;
                        }
                    case 2: {
                            message.force = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RemoveNodeRequest;
        })();

        control.Empty = (function() {

            /**
             * Properties of an Empty.
             * @memberof clusterctl.control
             * @interface IEmpty
             */

            /**
             * Constructs a new Empty.
             * @memberof clusterctl.control
             * @classdesc Represents an Empty.
             * @implements IEmpty
             * @constructor
             * @param {clusterctl.control.IEmpty=} [properties] Properties to set
             */
            function Empty(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified Empty message. Does not implicitly {@link clusterctl.control.Empty.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.Empty
             * @static
             * @param {clusterctl.control.IEmpty} message Empty message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Empty.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes an Empty message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.Empty
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.Empty} Empty
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Empty.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.Empty();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Empty;
        })();

        control.UpdateConfig = (function() {

            /**
             * Properties of an UpdateConfig.
             * @memberof clusterctl.control
             * @interface IUpdateConfig
             * @property {number|null} [parallelism] UpdateConfig parallelism
             * @property {number|null} [delayMs] UpdateConfig delayMs
             * @property {string|null} [order] UpdateConfig order
             */

            /**
             * Constructs a new UpdateConfig.
             * @memberof clusterctl.control
             * @classdesc Represents an UpdateConfig.
             * @implements IUpdateConfig
             * @constructor
             * @param {clusterctl.control.IUpdateConfig=} [properties] Properties to set
             */
            function UpdateConfig(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UpdateConfig parallelism.
             * @member {number} parallelism
             * @memberof clusterctl.control.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.parallelism = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateConfig delayMs.
             * @member {number} delayMs
             * @memberof clusterctl.control.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.delayMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateConfig order.
             * @member {string} order
             * @memberof clusterctl.control.UpdateConfig
             * @instance
             */
            UpdateConfig.prototype.order = "";

            /**
             * Encodes the specified UpdateConfig message. Does not implicitly {@link clusterctl.control.UpdateConfig.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.UpdateConfig
             * @static
             * @param {clusterctl.control.IUpdateConfig} message UpdateConfig message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateConfig.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.parallelism != null && Object.hasOwnProperty.call(message, "parallelism"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.parallelism);
                if (message.delayMs != null && Object.hasOwnProperty.call(message, "delayMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.delayMs);
                if (message.order != null && Object.hasOwnProperty.call(message, "order"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.order);
                return writer;
            };

            /**
             * Decodes an UpdateConfig message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.UpdateConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.UpdateConfig} UpdateConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateConfig.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.UpdateConfig();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.parallelism = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.delayMs = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.order = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UpdateConfig;
        })();

        control.CreateServiceRequest = (function() {

            /**
             * Properties of a CreateServiceRequest.
             * @memberof clusterctl.control
             * @interface ICreateServiceRequest
             * @property {clusterctl.cluster.IServiceSpec|null} [spec] CreateServiceRequest spec
             * @property {clusterctl.control.IUpdateConfig|null} [updateConfig] CreateServiceRequest updateConfig
             */

            /**
             * Constructs a new CreateServiceRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a CreateServiceRequest.
             * @implements ICreateServiceRequest
             * @constructor
             * @param {clusterctl.control.ICreateServiceRequest=} [properties] Properties to set
             */
            function CreateServiceRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CreateServiceRequest spec.
             * @member {clusterctl.cluster.IServiceSpec|null|undefined} spec
             * @memberof clusterctl.control.CreateServiceRequest
             * @instance
             */
            CreateServiceRequest.prototype.spec = null;

            /**
             * CreateServiceRequest updateConfig.
             * @member {clusterctl.control.IUpdateConfig|null|undefined} updateConfig
             * @memberof clusterctl.control.CreateServiceRequest
             * @instance
             */
            CreateServiceRequest.prototype.updateConfig = null;

            /**
             * Encodes the specified CreateServiceRequest message. Does not implicitly {@link clusterctl.control.CreateServiceRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.CreateServiceRequest
             * @static
             * @param {clusterctl.control.ICreateServiceRequest} message CreateServiceRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateServiceRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.clusterctl.cluster.ServiceSpec.encode(message.spec, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.updateConfig != null && Object.hasOwnProperty.call(message, "updateConfig"))
                    $root.clusterctl.control.UpdateConfig.encode(message.updateConfig, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a CreateServiceRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.CreateServiceRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.CreateServiceRequest} CreateServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateServiceRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.CreateServiceRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.spec = $root.clusterctl.cluster.ServiceSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.updateConfig = $root.clusterctl.control.UpdateConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return CreateServiceRequest;
        })();

        control.GetServiceRequest = (function() {

            /**
             * Properties of a GetServiceRequest.
             * @memberof clusterctl.control
             * @interface IGetServiceRequest
             * @property {string|null} [service] GetServiceRequest service
             */

            /**
             * Constructs a new GetServiceRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a GetServiceRequest.
             * @implements IGetServiceRequest
             * @constructor
             * @param {clusterctl.control.IGetServiceRequest=} [properties] Properties to set
             */
            function GetServiceRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetServiceRequest service.
             * @member {string} service
             * @memberof clusterctl.control.GetServiceRequest
             * @instance
             */
            GetServiceRequest.prototype.service = "";

            /**
             * Encodes the specified GetServiceRequest message. Does not implicitly {@link clusterctl.control.GetServiceRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.GetServiceRequest
             * @static
             * @param {clusterctl.control.IGetServiceRequest} message GetServiceRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetServiceRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.service != null && Object.hasOwnProperty.call(message, "service"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                return writer;
            };

            /**
             * Decodes a GetServiceRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.GetServiceRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.GetServiceRequest} GetServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetServiceRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.GetServiceRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.service = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetServiceRequest;
        })();

        control.ListServicesRequest = (function() {

            /**
             * Properties of a ListServicesRequest.
             * @memberof clusterctl.control
             * @interface IListServicesRequest
             * @property {Object.<string,string>|null} [filters] ListServicesRequest filters
             * @property {string|null} [pageToken] ListServicesRequest pageToken
             * @property {number|null} [pageSize] ListServicesRequest pageSize
             */

            /**
             * Constructs a new ListServicesRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a ListServicesRequest.
             * @implements IListServicesRequest
             * @constructor
             * @param {clusterctl.control.IListServicesRequest=} [properties] Properties to set
             */
            function ListServicesRequest(properties) {
                this.filters = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListServicesRequest filters.
             * @member {Object.<string,string>} filters
             * @memberof clusterctl.control.ListServicesRequest
             * @instance
             */
            ListServicesRequest.prototype.filters = $util.emptyObject;

            /**
             * ListServicesRequest pageToken.
             * @member {string} pageToken
             * @memberof clusterctl.control.ListServicesRequest
             * @instance
             */
            ListServicesRequest.prototype.pageToken = "";

            /**
             * ListServicesRequest pageSize.
             * @member {number} pageSize
             * @memberof clusterctl.control.ListServicesRequest
             * @instance
             */
            ListServicesRequest.prototype.pageSize = 0;

            /**
             * Encodes the specified ListServicesRequest message. Does not implicitly {@link clusterctl.control.ListServicesRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListServicesRequest
             * @static
             * @param {clusterctl.control.IListServicesRequest} message ListServicesRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListServicesRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.filters != null && Object.hasOwnProperty.call(message, "filters"))
                    for (var keys = Object.keys(message.filters), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.filters[keys[i]]).ldelim();
                if (message.pageToken != null && Object.hasOwnProperty.call(message, "pageToken"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.pageToken);
                if (message.pageSize != null && Object.hasOwnProperty.call(message, "pageSize"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.pageSize);
                return writer;
            };

            /**
             * Decodes a ListServicesRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListServicesRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListServicesRequest} ListServicesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListServicesRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListServicesRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (message.filters === $util.emptyObject)
                                message.filters = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.filters, key);
                            message.filters[key] = value;
                            break;
                        }
                    case 2: {
                            message.pageToken = reader.string();
                            break;
                        }
                    case 3: {
                            message.pageSize = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListServicesRequest;
        })();

        control.ServiceSummary = (function() {

            /**
             * Properties of a ServiceSummary.
             * @memberof clusterctl.control
             * @interface IServiceSummary
             * @property {clusterctl.cluster.IService|null} [service] ServiceSummary service
             * @property {number|null} [running] ServiceSummary running
             * @property {number|null} [desired] ServiceSummary desired
             * @property {clusterctl.control.IUpdateConfig|null} [updateConfig] ServiceSummary updateConfig
             */

            /**
             * Constructs a new ServiceSummary.
             * @memberof clusterctl.control
             * @classdesc Represents a ServiceSummary.
             * @implements IServiceSummary
             * @constructor
             * @param {clusterctl.control.IServiceSummary=} [properties] Properties to set
             */
            function ServiceSummary(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ServiceSummary service.
             * @member {clusterctl.cluster.IService|null|undefined} service
             * @memberof clusterctl.control.ServiceSummary
             * @instance
             */
            ServiceSummary.prototype.service = null;

            /**
             * ServiceSummary running.
             * @member {number} running
             * @memberof clusterctl.control.ServiceSummary
             * @instance
             */
            ServiceSummary.prototype.running = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ServiceSummary desired.
             * @member {number} desired
             * @memberof clusterctl.control.ServiceSummary
             * @instance
             */
            ServiceSummary.prototype.desired = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ServiceSummary updateConfig.
             * @member {clusterctl.control.IUpdateConfig|null|undefined} updateConfig
             * @memberof clusterctl.control.ServiceSummary
             * @instance
             */
            ServiceSummary.prototype.updateConfig = null;

            /**
             * Encodes the specified ServiceSummary message. Does not implicitly {@link clusterctl.control.ServiceSummary.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ServiceSummary
             * @static
             * @param {clusterctl.control.IServiceSummary} message ServiceSummary message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServiceSummary.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.service != null && Object.hasOwnProperty.call(message, "service"))
                    $root.clusterctl.cluster.Service.encode(message.service, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.running != null && Object.hasOwnProperty.call(message, "running"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.running);
                if (message.desired != null && Object.hasOwnProperty.call(message, "desired"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.desired);
                if (message.updateConfig != null && Object.hasOwnProperty.call(message, "updateConfig"))
                    $root.clusterctl.control.UpdateConfig.encode(message.updateConfig, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ServiceSummary message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ServiceSummary
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ServiceSummary} ServiceSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServiceSummary.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ServiceSummary();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.service = $root.clusterctl.cluster.Service.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.running = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.desired = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.updateConfig = $root.clusterctl.control.UpdateConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ServiceSummary;
        })();

        control.ListServicesResponse = (function() {

            /**
             * Properties of a ListServicesResponse.
             * @memberof clusterctl.control
             * @interface IListServicesResponse
             * @property {Array.<clusterctl.control.IServiceSummary>|null} [services] ListServicesResponse services
             * @property {string|null} [nextPageToken] ListServicesResponse nextPageToken
             */

            /**
             * Constructs a new ListServicesResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a ListServicesResponse.
             * @implements IListServicesResponse
             * @constructor
             * @param {clusterctl.control.IListServicesResponse=} [properties] Properties to set
             */
            function ListServicesResponse(properties) {
                this.services = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListServicesResponse services.
             * @member {Array.<clusterctl.control.IServiceSummary>} services
             * @memberof clusterctl.control.ListServicesResponse
             * @instance
             */
            ListServicesResponse.prototype.services = $util.emptyArray;

            /**
             * ListServicesResponse nextPageToken.
             * @member {string} nextPageToken
             * @memberof clusterctl.control.ListServicesResponse
             * @instance
             */
            ListServicesResponse.prototype.nextPageToken = "";

            /**
             * Encodes the specified ListServicesResponse message. Does not implicitly {@link clusterctl.control.ListServicesResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListServicesResponse
             * @static
             * @param {clusterctl.control.IListServicesResponse} message ListServicesResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListServicesResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.services != null && message.services.length)
                    for (var i = 0; i < message.services.length; ++i)
                        $root.clusterctl.control.ServiceSummary.encode(message.services[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.nextPageToken != null && Object.hasOwnProperty.call(message, "nextPageToken"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nextPageToken);
                return writer;
            };

            /**
             * Decodes a ListServicesResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListServicesResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListServicesResponse} ListServicesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListServicesResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListServicesResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.services && message.services.length))
                                message.services = [];
                            message.services.push($root.clusterctl.control.ServiceSummary.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 2: {
                            message.nextPageToken = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListServicesResponse;
        })();

        control.ScaleServiceRequest = (function() {

            /**
             * Properties of a ScaleServiceRequest.
             * @memberof clusterctl.control
             * @interface IScaleServiceRequest
             * @property {string|null} [service] ScaleServiceRequest service
             * @property {number|null} [replicas] ScaleServiceRequest replicas
             */

            /**
             * Constructs a new ScaleServiceRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a ScaleServiceRequest.
             * @implements IScaleServiceRequest
             * @constructor
             * @param {clusterctl.control.IScaleServiceRequest=} [properties] Properties to set
             */
            function ScaleServiceRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ScaleServiceRequest service.
             * @member {string} service
             * @memberof clusterctl.control.ScaleServiceRequest
             * @instance
             */
            ScaleServiceRequest.prototype.service = "";

            /**
             * ScaleServiceRequest replicas.
             * @member {number} replicas
             * @memberof clusterctl.control.ScaleServiceRequest
             * @instance
             */
            ScaleServiceRequest.prototype.replicas = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified ScaleServiceRequest message. Does not implicitly {@link clusterctl.control.ScaleServiceRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ScaleServiceRequest
             * @static
             * @param {clusterctl.control.IScaleServiceRequest} message ScaleServiceRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ScaleServiceRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.service != null && Object.hasOwnProperty.call(message, "service"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.replicas != null && Object.hasOwnProperty.call(message, "replicas"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.replicas);
                return writer;
            };

            /**
             * Decodes a ScaleServiceRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ScaleServiceRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ScaleServiceRequest} ScaleServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ScaleServiceRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ScaleServiceRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.service = reader.string();
                            break;
                        }
                    case 2: {
                            message.replicas = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ScaleServiceRequest;
        })();

        control.UpdateServiceRequest = (function() {

            /**
             * Properties of an UpdateServiceRequest.
             * @memberof clusterctl.control
             * @interface IUpdateServiceRequest
             * @property {string|null} [service] UpdateServiceRequest service
             * @property {number|null} [version] UpdateServiceRequest version
             * @property {clusterctl.cluster.IServiceSpec|null} [spec] UpdateServiceRequest spec
             * @property {boolean|null} [force] UpdateServiceRequest force
             * @property {clusterctl.control.IUpdateConfig|null} [updateConfig] UpdateServiceRequest updateConfig
             * @property {boolean|null} [rollback] UpdateServiceRequest rollback
             */

            /**
             * Constructs a new UpdateServiceRequest.
             * @memberof clusterctl.control
             * @classdesc Represents an UpdateServiceRequest.
             * @implements IUpdateServiceRequest
             * @constructor
             * @param {clusterctl.control.IUpdateServiceRequest=} [properties] Properties to set
             */
            function UpdateServiceRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UpdateServiceRequest service.
             * @member {string} service
             * @memberof clusterctl.control.UpdateServiceRequest
             * @instance
             */
            UpdateServiceRequest.prototype.service = "";

            /**
             * UpdateServiceRequest version.
             * @member {number} version
             * @memberof clusterctl.control.UpdateServiceRequest
             * @instance
             */
            UpdateServiceRequest.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateServiceRequest spec.
             * @member {clusterctl.cluster.IServiceSpec|null|undefined} spec
             * @memberof clusterctl.control.UpdateServiceRequest
             * @instance
             */
            UpdateServiceRequest.prototype.spec = null;

            /**
             * UpdateServiceRequest force.
             * @member {boolean} force
             * @memberof clusterctl.control.UpdateServiceRequest
             * @instance
             */
            UpdateServiceRequest.prototype.force = false;

            /**
             * UpdateServiceRequest updateConfig.
             * @member {clusterctl.control.IUpdateConfig|null|undefined} updateConfig
             * @memberof clusterctl.control.UpdateServiceRequest
             * @instance
             */
            UpdateServiceRequest.prototype.updateConfig = null;

            /**
             * UpdateServiceRequest rollback.
             * @member {boolean} rollback
             * @memberof clusterctl.control.UpdateServiceRequest
             * @instance
             */
            UpdateServiceRequest.prototype.rollback = false;

            /**
             * Encodes the specified UpdateServiceRequest message. Does not implicitly {@link clusterctl.control.UpdateServiceRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.UpdateServiceRequest
             * @static
             * @param {clusterctl.control.IUpdateServiceRequest} message UpdateServiceRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateServiceRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.service != null && Object.hasOwnProperty.call(message, "service"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.version);
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.clusterctl.cluster.ServiceSpec.encode(message.spec, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.force != null && Object.hasOwnProperty.call(message, "force"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.force);
                if (message.updateConfig != null && Object.hasOwnProperty.call(message, "updateConfig"))
                    $root.clusterctl.control.UpdateConfig.encode(message.updateConfig, writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.rollback != null && Object.hasOwnProperty.call(message, "rollback"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.rollback);
                return writer;
            };

            /**
             * Decodes an UpdateServiceRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.UpdateServiceRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.UpdateServiceRequest} UpdateServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateServiceRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.UpdateServiceRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.service = reader.string();
                            break;
                        }
                    case 2: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.spec = $root.clusterctl.cluster.ServiceSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            message.force = reader.bool();
                            break;
                        }
                    case 5: {
                            message.updateConfig = $root.clusterctl.control.UpdateConfig.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 6: {
                            message.rollback = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UpdateServiceRequest;
        })();

        control.RemoveServiceRequest = (function() {

            /**
             * Properties of a RemoveServiceRequest.
             * @memberof clusterctl.control
             * @interface IRemoveServiceRequest
             * @property {string|null} [service] RemoveServiceRequest service
             */

            /**
             * Constructs a new RemoveServiceRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a RemoveServiceRequest.
             * @implements IRemoveServiceRequest
             * @constructor
             * @param {clusterctl.control.IRemoveServiceRequest=} [properties] Properties to set
             */
            function RemoveServiceRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RemoveServiceRequest service.
             * @member {string} service
             * @memberof clusterctl.control.RemoveServiceRequest
             * @instance
             */
            RemoveServiceRequest.prototype.service = "";

            /**
             * Encodes the specified RemoveServiceRequest message. Does not implicitly {@link clusterctl.control.RemoveServiceRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.RemoveServiceRequest
             * @static
             * @param {clusterctl.control.IRemoveServiceRequest} message RemoveServiceRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RemoveServiceRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.service != null && Object.hasOwnProperty.call(message, "service"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                return writer;
            };

            /**
             * Decodes a RemoveServiceRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.RemoveServiceRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.RemoveServiceRequest} RemoveServiceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RemoveServiceRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.RemoveServiceRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.service = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RemoveServiceRequest;
        })();

        control.ListTasksRequest = (function() {

            /**
             * Properties of a ListTasksRequest.
             * @memberof clusterctl.control
             * @interface IListTasksRequest
             * @property {string|null} [service] ListTasksRequest service
             * @property {string|null} [node] ListTasksRequest node
             * @property {boolean|null} [all] ListTasksRequest all
             */

            /**
             * Constructs a new ListTasksRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a ListTasksRequest.
             * @implements IListTasksRequest
             * @constructor
             * @param {clusterctl.control.IListTasksRequest=} [properties] Properties to set
             */
            function ListTasksRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListTasksRequest service.
             * @member {string} service
             * @memberof clusterctl.control.ListTasksRequest
             * @instance
             */
            ListTasksRequest.prototype.service = "";

            /**
             * ListTasksRequest node.
             * @member {string} node
             * @memberof clusterctl.control.ListTasksRequest
             * @instance
             */
            ListTasksRequest.prototype.node = "";

            /**
             * ListTasksRequest all.
             * @member {boolean} all
             * @memberof clusterctl.control.ListTasksRequest
             * @instance
             */
            ListTasksRequest.prototype.all = false;

            /**
             * Encodes the specified ListTasksRequest message. Does not implicitly {@link clusterctl.control.ListTasksRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListTasksRequest
             * @static
             * @param {clusterctl.control.IListTasksRequest} message ListTasksRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListTasksRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.service != null && Object.hasOwnProperty.call(message, "service"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.node);
                if (message.all != null && Object.hasOwnProperty.call(message, "all"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.all);
                return writer;
            };

            /**
             * Decodes a ListTasksRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListTasksRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListTasksRequest} ListTasksRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListTasksRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListTasksRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.service = reader.string();
                            break;
                        }
                    case 2: {
                            message.node = reader.string();
                            break;
                        }
                    case 3: {
                            message.all = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListTasksRequest;
        })();

        control.ListTasksResponse = (function() {

            /**
             * Properties of a ListTasksResponse.
             * @memberof clusterctl.control
             * @interface IListTasksResponse
             * @property {Array.<clusterctl.cluster.ITask>|null} [tasks] ListTasksResponse tasks
             */

            /**
             * Constructs a new ListTasksResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a ListTasksResponse.
             * @implements IListTasksResponse
             * @constructor
             * @param {clusterctl.control.IListTasksResponse=} [properties] Properties to set
             */
            function ListTasksResponse(properties) {
                this.tasks = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListTasksResponse tasks.
             * @member {Array.<clusterctl.cluster.ITask>} tasks
             * @memberof clusterctl.control.ListTasksResponse
             * @instance
             */
            ListTasksResponse.prototype.tasks = $util.emptyArray;

            /**
             * Encodes the specified ListTasksResponse message. Does not implicitly {@link clusterctl.control.ListTasksResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListTasksResponse
             * @static
             * @param {clusterctl.control.IListTasksResponse} message ListTasksResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListTasksResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.tasks != null && message.tasks.length)
                    for (var i = 0; i < message.tasks.length; ++i)
                        $root.clusterctl.cluster.Task.encode(message.tasks[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ListTasksResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListTasksResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListTasksResponse} ListTasksResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListTasksResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListTasksResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.tasks && message.tasks.length))
                                message.tasks = [];
                            message.tasks.push($root.clusterctl.cluster.Task.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListTasksResponse;
        })();

        control.ServiceLogsRequest = (function() {

            /**
             * Properties of a ServiceLogsRequest.
             * @memberof clusterctl.control
             * @interface IServiceLogsRequest
             * @property {string|null} [service] ServiceLogsRequest service
             * @property {boolean|null} [follow] ServiceLogsRequest follow
             * @property {number|null} [tail] ServiceLogsRequest tail
             */

            /**
             * Constructs a new ServiceLogsRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a ServiceLogsRequest.
             * @implements IServiceLogsRequest
             * @constructor
             * @param {clusterctl.control.IServiceLogsRequest=} [properties] Properties to set
             */
            function ServiceLogsRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ServiceLogsRequest service.
             * @member {string} service
             * @memberof clusterctl.control.ServiceLogsRequest
             * @instance
             */
            ServiceLogsRequest.prototype.service = "";

            /**
             * ServiceLogsRequest follow.
             * @member {boolean} follow
             * @memberof clusterctl.control.ServiceLogsRequest
             * @instance
             */
            ServiceLogsRequest.prototype.follow = false;

            /**
             * ServiceLogsRequest tail.
             * @member {number} tail
             * @memberof clusterctl.control.ServiceLogsRequest
             * @instance
             */
            ServiceLogsRequest.prototype.tail = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Encodes the specified ServiceLogsRequest message. Does not implicitly {@link clusterctl.control.ServiceLogsRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ServiceLogsRequest
             * @static
             * @param {clusterctl.control.IServiceLogsRequest} message ServiceLogsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServiceLogsRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.service != null && Object.hasOwnProperty.call(message, "service"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
                if (message.follow != null && Object.hasOwnProperty.call(message, "follow"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.follow);
                if (message.tail != null && Object.hasOwnProperty.call(message, "tail"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.tail);
                return writer;
            };

            /**
             * Decodes a ServiceLogsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ServiceLogsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ServiceLogsRequest} ServiceLogsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServiceLogsRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ServiceLogsRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.service = reader.string();
                            break;
                        }
                    case 2: {
                            message.follow = reader.bool();
                            break;
                        }
                    case 3: {
                            message.tail = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ServiceLogsRequest;
        })();

        control.LogLine = (function() {

            /**
             * Properties of a LogLine.
             * @memberof clusterctl.control
             * @interface ILogLine
             * @property {string|null} [taskId] LogLine taskId
             * @property {number|null} [slot] LogLine slot
             * @property {string|null} [nodeId] LogLine nodeId
             * @property {string|null} [stream] LogLine stream
             * @property {number|null} [timestamp] LogLine timestamp
             * @property {Uint8Array|null} [line] LogLine line
             */

            /**
             * Constructs a new LogLine.
             * @memberof clusterctl.control
             * @classdesc Represents a LogLine.
             * @implements ILogLine
             * @constructor
             * @param {clusterctl.control.ILogLine=} [properties] Properties to set
             */
            function LogLine(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LogLine taskId.
             * @member {string} taskId
             * @memberof clusterctl.control.LogLine
             * @instance
             */
            LogLine.prototype.taskId = "";

            /**
             * LogLine slot.
             * @member {number} slot
             * @memberof clusterctl.control.LogLine
             * @instance
             */
            LogLine.prototype.slot = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogLine nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.control.LogLine
             * @instance
             */
            LogLine.prototype.nodeId = "";

            /**
             * LogLine stream.
             * @member {string} stream
             * @memberof clusterctl.control.LogLine
             * @instance
             */
            LogLine.prototype.stream = "";

            /**
             * LogLine timestamp.
             * @member {number} timestamp
             * @memberof clusterctl.control.LogLine
             * @instance
             */
            LogLine.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogLine line.
             * @member {Uint8Array} line
             * @memberof clusterctl.control.LogLine
             * @instance
             */
            LogLine.prototype.line = $util.newBuffer([]);

            /**
             * Encodes the specified LogLine message. Does not implicitly {@link clusterctl.control.LogLine.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.LogLine
             * @static
             * @param {clusterctl.control.ILogLine} message LogLine message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogLine.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.slot != null && Object.hasOwnProperty.call(message, "slot"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.slot);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.nodeId);
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.stream);
                if (message.timestamp != null && Object.hasOwnProperty.call(message, "timestamp"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.timestamp);
                if (message.line != null && Object.hasOwnProperty.call(message, "line"))
                    writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.line);
                return writer;
            };

            /**
             * Decodes a LogLine message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.LogLine
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.LogLine} LogLine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogLine.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.LogLine();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.slot = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 4: {
                            message.stream = reader.string();
                            break;
                        }
                    case 5: {
                            message.timestamp = reader.uint64();
                            break;
                        }
                    case 6: {
                            message.line = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return LogLine;
        })();

        control.EventsRequest = (function() {

            /**
             * Properties of an EventsRequest.
             * @memberof clusterctl.control
             * @interface IEventsRequest
             * @property {number|null} [since] EventsRequest since
             * @property {number|null} [until] EventsRequest until
             * @property {boolean|null} [resume] EventsRequest resume
             * @property {number|null} [afterIndex] EventsRequest afterIndex
             * @property {number|null} [afterSeq] EventsRequest afterSeq
             * @property {Array.<clusterctl.control.IEventFilter>|null} [filters] EventsRequest filters
             */

            /**
             * Constructs a new EventsRequest.
             * @memberof clusterctl.control
             * @classdesc Represents an EventsRequest.
             * @implements IEventsRequest
             * @constructor
             * @param {clusterctl.control.IEventsRequest=} [properties] Properties to set
             */
            function EventsRequest(properties) {
                this.filters = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * EventsRequest since.
             * @member {number} since
             * @memberof clusterctl.control.EventsRequest
             * @instance
             */
            EventsRequest.prototype.since = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EventsRequest until.
             * @member {number} until
             * @memberof clusterctl.control.EventsRequest
             * @instance
             */
            EventsRequest.prototype.until = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EventsRequest resume.
             * @member {boolean} resume
             * @memberof clusterctl.control.EventsRequest
             * @instance
             */
            EventsRequest.prototype.resume = false;

            /**
             * EventsRequest afterIndex.
             * @member {number} afterIndex
             * @memberof clusterctl.control.EventsRequest
             * @instance
             */
            EventsRequest.prototype.afterIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EventsRequest afterSeq.
             * @member {number} afterSeq
             * @memberof clusterctl.control.EventsRequest
             * @instance
             */
            EventsRequest.prototype.afterSeq = 0;

            /**
             * EventsRequest filters.
             * @member {Array.<clusterctl.control.IEventFilter>} filters
             * @memberof clusterctl.control.EventsRequest
             * @instance
             */
            EventsRequest.prototype.filters = $util.emptyArray;

            /**
             * Encodes the specified EventsRequest message. Does not implicitly {@link clusterctl.control.EventsRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.EventsRequest
             * @static
             * @param {clusterctl.control.IEventsRequest} message EventsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventsRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.since != null && Object.hasOwnProperty.call(message, "since"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.since);
                if (message.until != null && Object.hasOwnProperty.call(message, "until"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.until);
                if (message.resume != null && Object.hasOwnProperty.call(message, "resume"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.resume);
                if (message.afterIndex != null && Object.hasOwnProperty.call(message, "afterIndex"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.afterIndex);
                if (message.afterSeq != null && Object.hasOwnProperty.call(message, "afterSeq"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.afterSeq);
                if (message.filters != null && message.filters.length)
                    for (var i = 0; i < message.filters.length; ++i)
                        $root.clusterctl.control.EventFilter.encode(message.filters[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an EventsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.EventsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.EventsRequest} EventsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventsRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.EventsRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.since = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.until = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.resume = reader.bool();
                            break;
                        }
                    case 4: {
                            message.afterIndex = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.afterSeq = reader.uint32();
                            break;
                        }
                    case 6: {
                            if (!(message.filters && message.filters.length))
                                message.filters = [];
                            message.filters.push($root.clusterctl.control.EventFilter.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return EventsRequest;
        })();

        control.EventFilter = (function() {

            /**
             * Properties of an EventFilter.
             * @memberof clusterctl.control
             * @interface IEventFilter
             * @property {string|null} [key] EventFilter key
             * @property {string|null} [value] EventFilter value
             */

            /**
             * Constructs a new EventFilter.
             * @memberof clusterctl.control
             * @classdesc Represents an EventFilter.
             * @implements IEventFilter
             * @constructor
             * @param {clusterctl.control.IEventFilter=} [properties] Properties to set
             */
            function EventFilter(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * EventFilter key.
             * @member {string} key
             * @memberof clusterctl.control.EventFilter
             * @instance
             */
            EventFilter.prototype.key = "";

            /**
             * EventFilter value.
             * @member {string} value
             * @memberof clusterctl.control.EventFilter
             * @instance
             */
            EventFilter.prototype.value = "";

            /**
             * Encodes the specified EventFilter message. Does not implicitly {@link clusterctl.control.EventFilter.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.EventFilter
             * @static
             * @param {clusterctl.control.IEventFilter} message EventFilter message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventFilter.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.value);
                return writer;
            };

            /**
             * Decodes an EventFilter message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.EventFilter
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.EventFilter} EventFilter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventFilter.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.EventFilter();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.key = reader.string();
                            break;
                        }
                    case 2: {
                            message.value = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return EventFilter;
        })();

        control.ClusterEvent = (function() {

            /**
             * Properties of a ClusterEvent.
             * @memberof clusterctl.control
             * @interface IClusterEvent
             * @property {number|null} [index] ClusterEvent index
             * @property {number|null} [seq] ClusterEvent seq
             * @property {number|null} [time] ClusterEvent time
             * @property {string|null} [type] ClusterEvent type
             * @property {string|null} [action] ClusterEvent action
             * @property {string|null} [id] ClusterEvent id
             * @property {string|null} [name] ClusterEvent name
             * @property {Object.<string,string>|null} [attributes] ClusterEvent attributes
             */

            /**
             * Constructs a new ClusterEvent.
             * @memberof clusterctl.control
             * @classdesc Represents a ClusterEvent.
             * @implements IClusterEvent
             * @constructor
             * @param {clusterctl.control.IClusterEvent=} [properties] Properties to set
             */
            function ClusterEvent(properties) {
                this.attributes = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ClusterEvent index.
             * @member {number} index
             * @memberof clusterctl.control.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterEvent seq.
             * @member {number} seq
             * @memberof clusterctl.control.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.seq = 0;

            /**
             * ClusterEvent time.
             * @member {number} time
             * @memberof clusterctl.control.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.time = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterEvent type.
             * @member {string} type
             * @memberof clusterctl.control.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.type = "";

            /**
             * ClusterEvent action.
             * @member {string} action
             * @memberof clusterctl.control.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.action = "";

            /**
             * ClusterEvent id.
             * @member {string} id
             * @memberof clusterctl.control.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.id = "";

            /**
             * ClusterEvent name.
             * @member {string} name
             * @memberof clusterctl.control.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.name = "";

            /**
             * ClusterEvent attributes.
             * @member {Object.<string,string>} attributes
             * @memberof clusterctl.control.ClusterEvent
             * @instance
             */
            ClusterEvent.prototype.attributes = $util.emptyObject;

            /**
             * Encodes the specified ClusterEvent message. Does not implicitly {@link clusterctl.control.ClusterEvent.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ClusterEvent
             * @static
             * @param {clusterctl.control.IClusterEvent} message ClusterEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterEvent.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.index);
                if (message.seq != null && Object.hasOwnProperty.call(message, "seq"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.seq);
                if (message.time != null && Object.hasOwnProperty.call(message, "time"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.time);
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.type);
                if (message.action != null && Object.hasOwnProperty.call(message, "action"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.action);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.id);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.name);
                if (message.attributes != null && Object.hasOwnProperty.call(message, "attributes"))
                    for (var keys = Object.keys(message.attributes), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.attributes[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes a ClusterEvent message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ClusterEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ClusterEvent} ClusterEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterEvent.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ClusterEvent();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.index = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.seq = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.time = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.type = reader.string();
                            break;
                        }
                    case 5: {
                            message.action = reader.string();
                            break;
                        }
                    case 6: {
                            message.id = reader.string();
                            break;
                        }
                    case 7: {
                            message.name = reader.string();
                            break;
                        }
                    case 8: {
                            if (message.attributes === $util.emptyObject)
                                message.attributes = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.attributes, key);
                            message.attributes[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ClusterEvent;
        })();

        control.EventsMessage = (function() {

            /**
             * Properties of an EventsMessage.
             * @memberof clusterctl.control
             * @interface IEventsMessage
             * @property {clusterctl.control.IClusterEvent|null} [event] EventsMessage event
             * @property {number|null} [positionIndex] EventsMessage positionIndex
             */

            /**
             * Constructs a new EventsMessage.
             * @memberof clusterctl.control
             * @classdesc Represents an EventsMessage.
             * @implements IEventsMessage
             * @constructor
             * @param {clusterctl.control.IEventsMessage=} [properties] Properties to set
             */
            function EventsMessage(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * EventsMessage event.
             * @member {clusterctl.control.IClusterEvent|null|undefined} event
             * @memberof clusterctl.control.EventsMessage
             * @instance
             */
            EventsMessage.prototype.event = null;

            /**
             * EventsMessage positionIndex.
             * @member {number} positionIndex
             * @memberof clusterctl.control.EventsMessage
             * @instance
             */
            EventsMessage.prototype.positionIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified EventsMessage message. Does not implicitly {@link clusterctl.control.EventsMessage.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.EventsMessage
             * @static
             * @param {clusterctl.control.IEventsMessage} message EventsMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventsMessage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.event != null && Object.hasOwnProperty.call(message, "event"))
                    $root.clusterctl.control.ClusterEvent.encode(message.event, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.positionIndex != null && Object.hasOwnProperty.call(message, "positionIndex"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.positionIndex);
                return writer;
            };

            /**
             * Decodes an EventsMessage message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.EventsMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.EventsMessage} EventsMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventsMessage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.EventsMessage();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.event = $root.clusterctl.control.ClusterEvent.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.positionIndex = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return EventsMessage;
        })();

        control.JoinTokenRequest = (function() {

            /**
             * Properties of a JoinTokenRequest.
             * @memberof clusterctl.control
             * @interface IJoinTokenRequest
             * @property {string|null} [role] JoinTokenRequest role
             * @property {boolean|null} [rotate] JoinTokenRequest rotate
             */

            /**
             * Constructs a new JoinTokenRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a JoinTokenRequest.
             * @implements IJoinTokenRequest
             * @constructor
             * @param {clusterctl.control.IJoinTokenRequest=} [properties] Properties to set
             */
            function JoinTokenRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * JoinTokenRequest role.
             * @member {string} role
             * @memberof clusterctl.control.JoinTokenRequest
             * @instance
             */
            JoinTokenRequest.prototype.role = "";

            /**
             * JoinTokenRequest rotate.
             * @member {boolean} rotate
             * @memberof clusterctl.control.JoinTokenRequest
             * @instance
             */
            JoinTokenRequest.prototype.rotate = false;

            /**
             * Encodes the specified JoinTokenRequest message. Does not implicitly {@link clusterctl.control.JoinTokenRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.JoinTokenRequest
             * @static
             * @param {clusterctl.control.IJoinTokenRequest} message JoinTokenRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JoinTokenRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.role != null && Object.hasOwnProperty.call(message, "role"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.role);
                if (message.rotate != null && Object.hasOwnProperty.call(message, "rotate"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.rotate);
                return writer;
            };

            /**
             * Decodes a JoinTokenRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.JoinTokenRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.JoinTokenRequest} JoinTokenRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JoinTokenRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.JoinTokenRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.role = reader.string();
                            break;
                        }
                    case 2: {
                            message.rotate = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return JoinTokenRequest;
        })();

        control.JoinTokenResponse = (function() {

            /**
             * Properties of a JoinTokenResponse.
             * @memberof clusterctl.control
             * @interface IJoinTokenResponse
             * @property {string|null} [token] JoinTokenResponse token
             * @property {string|null} [managerAddr] JoinTokenResponse managerAddr
             */

            /**
             * Constructs a new JoinTokenResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a JoinTokenResponse.
             * @implements IJoinTokenResponse
             * @constructor
             * @param {clusterctl.control.IJoinTokenResponse=} [properties] Properties to set
             */
            function JoinTokenResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * JoinTokenResponse token.
             * @member {string} token
             * @memberof clusterctl.control.JoinTokenResponse
             * @instance
             */
            JoinTokenResponse.prototype.token = "";

            /**
             * JoinTokenResponse managerAddr.
             * @member {string} managerAddr
             * @memberof clusterctl.control.JoinTokenResponse
             * @instance
             */
            JoinTokenResponse.prototype.managerAddr = "";

            /**
             * Encodes the specified JoinTokenResponse message. Does not implicitly {@link clusterctl.control.JoinTokenResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.JoinTokenResponse
             * @static
             * @param {clusterctl.control.IJoinTokenResponse} message JoinTokenResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JoinTokenResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.token != null && Object.hasOwnProperty.call(message, "token"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.token);
                if (message.managerAddr != null && Object.hasOwnProperty.call(message, "managerAddr"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.managerAddr);
                return writer;
            };

            /**
             * Decodes a JoinTokenResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.JoinTokenResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.JoinTokenResponse} JoinTokenResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JoinTokenResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.JoinTokenResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.token = reader.string();
                            break;
                        }
                    case 2: {
                            message.managerAddr = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return JoinTokenResponse;
        })();

        control.ClusterInfo = (function() {

            /**
             * Properties of a ClusterInfo.
             * @memberof clusterctl.control
             * @interface IClusterInfo
             * @property {string|null} [clusterId] ClusterInfo clusterId
             * @property {string|null} [leaderNodeId] ClusterInfo leaderNodeId
             * @property {number|null} [heartbeatPeriodMs] ClusterInfo heartbeatPeriodMs
             * @property {number|null} [nodeGraceMs] ClusterInfo nodeGraceMs
             * @property {Array.<clusterctl.cluster.IManagerStatus>|null} [managers] ClusterInfo managers
             * @property {number|null} [taskHistoryLimit] ClusterInfo taskHistoryLimit
             * @property {number|null} [nodeCertExpiryMs] ClusterInfo nodeCertExpiryMs
             * @property {number|null} [version] ClusterInfo version
             * @property {number|null} [createdAt] ClusterInfo createdAt
             * @property {number|null} [updatedAt] ClusterInfo updatedAt
             * @property {number|null} [rootCaExpiresAt] ClusterInfo rootCaExpiresAt
             * @property {string|null} [rootCaDigest] ClusterInfo rootCaDigest
             * @property {string|null} [rootCaCertPem] ClusterInfo rootCaCertPem
             * @property {clusterctl.control.IRootRotation|null} [rootRotation] ClusterInfo rootRotation
             * @property {clusterctl.control.IClusterNetwork|null} [network] ClusterInfo network
             * @property {boolean|null} [autolock] ClusterInfo autolock
             */

            /**
             * Constructs a new ClusterInfo.
             * @memberof clusterctl.control
             * @classdesc Represents a ClusterInfo.
             * @implements IClusterInfo
             * @constructor
             * @param {clusterctl.control.IClusterInfo=} [properties] Properties to set
             */
            function ClusterInfo(properties) {
                this.managers = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ClusterInfo clusterId.
             * @member {string} clusterId
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.clusterId = "";

            /**
             * ClusterInfo leaderNodeId.
             * @member {string} leaderNodeId
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.leaderNodeId = "";

            /**
             * ClusterInfo heartbeatPeriodMs.
             * @member {number} heartbeatPeriodMs
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.heartbeatPeriodMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterInfo nodeGraceMs.
             * @member {number} nodeGraceMs
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.nodeGraceMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterInfo managers.
             * @member {Array.<clusterctl.cluster.IManagerStatus>} managers
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.managers = $util.emptyArray;

            /**
             * ClusterInfo taskHistoryLimit.
             * @member {number} taskHistoryLimit
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.taskHistoryLimit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterInfo nodeCertExpiryMs.
             * @member {number} nodeCertExpiryMs
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.nodeCertExpiryMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterInfo version.
             * @member {number} version
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterInfo createdAt.
             * @member {number} createdAt
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterInfo updatedAt.
             * @member {number} updatedAt
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.updatedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterInfo rootCaExpiresAt.
             * @member {number} rootCaExpiresAt
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.rootCaExpiresAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ClusterInfo rootCaDigest.
             * @member {string} rootCaDigest
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.rootCaDigest = "";

            /**
             * ClusterInfo rootCaCertPem.
             * @member {string} rootCaCertPem
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.rootCaCertPem = "";

            /**
             * ClusterInfo rootRotation.
             * @member {clusterctl.control.IRootRotation|null|undefined} rootRotation
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.rootRotation = null;

            /**
             * ClusterInfo network.
             * @member {clusterctl.control.IClusterNetwork|null|undefined} network
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.network = null;

            /**
             * ClusterInfo autolock.
             * @member {boolean} autolock
             * @memberof clusterctl.control.ClusterInfo
             * @instance
             */
            ClusterInfo.prototype.autolock = false;

            /**
             * Encodes the specified ClusterInfo message. Does not implicitly {@link clusterctl.control.ClusterInfo.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ClusterInfo
             * @static
             * @param {clusterctl.control.IClusterInfo} message ClusterInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterInfo.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.clusterId != null && Object.hasOwnProperty.call(message, "clusterId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.clusterId);
                if (message.leaderNodeId != null && Object.hasOwnProperty.call(message, "leaderNodeId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.leaderNodeId);
                if (message.heartbeatPeriodMs != null && Object.hasOwnProperty.call(message, "heartbeatPeriodMs"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.heartbeatPeriodMs);
                if (message.nodeGraceMs != null && Object.hasOwnProperty.call(message, "nodeGraceMs"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.nodeGraceMs);
                if (message.managers != null && message.managers.length)
                    for (var i = 0; i < message.managers.length; ++i)
                        $root.clusterctl.cluster.ManagerStatus.encode(message.managers[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.taskHistoryLimit != null && Object.hasOwnProperty.call(message, "taskHistoryLimit"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.taskHistoryLimit);
                if (message.nodeCertExpiryMs != null && Object.hasOwnProperty.call(message, "nodeCertExpiryMs"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.nodeCertExpiryMs);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.version);
                if (message.createdAt != null && Object.hasOwnProperty.call(message, "createdAt"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.createdAt);
                if (message.updatedAt != null && Object.hasOwnProperty.call(message, "updatedAt"))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.updatedAt);
                if (message.rootCaExpiresAt != null && Object.hasOwnProperty.call(message, "rootCaExpiresAt"))
                    writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.rootCaExpiresAt);
                if (message.rootCaDigest != null && Object.hasOwnProperty.call(message, "rootCaDigest"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.rootCaDigest);
                if (message.rootCaCertPem != null && Object.hasOwnProperty.call(message, "rootCaCertPem"))
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.rootCaCertPem);
                if (message.rootRotation != null && Object.hasOwnProperty.call(message, "rootRotation"))
                    $root.clusterctl.control.RootRotation.encode(message.rootRotation, writer.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (message.autolock != null && Object.hasOwnProperty.call(message, "autolock"))
                    writer.uint32(/* id 15, wireType 0 =*/120).bool(message.autolock);
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    $root.clusterctl.control.ClusterNetwork.encode(message.network, writer.uint32(/* id 20, wireType 2 =*/162).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ClusterInfo message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ClusterInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ClusterInfo} ClusterInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterInfo.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ClusterInfo();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.clusterId = reader.string();
                            break;
                        }
                    case 2: {
                            message.leaderNodeId = reader.string();
                            break;
                        }
                    case 3: {
                            message.heartbeatPeriodMs = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.nodeGraceMs = reader.uint64();
                            break;
                        }
                    case 5: {
                            if (!(message.managers && message.managers.length))
                                message.managers = [];
                            message.managers.push($root.clusterctl.cluster.ManagerStatus.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 6: {
                            message.taskHistoryLimit = reader.uint64();
                            break;
                        }
                    case 7: {
                            message.nodeCertExpiryMs = reader.uint64();
                            break;
                        }
                    case 8: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 9: {
                            message.createdAt = reader.uint64();
                            break;
                        }
                    case 10: {
                            message.updatedAt = reader.uint64();
                            break;
                        }
                    case 11: {
                            message.rootCaExpiresAt = reader.uint64();
                            break;
                        }
                    case 12: {
                            message.rootCaDigest = reader.string();
                            break;
                        }
                    case 13: {
                            message.rootCaCertPem = reader.string();
                            break;
                        }
                    case 14: {
                            message.rootRotation = $root.clusterctl.control.RootRotation.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 20: {
                            message.network = $root.clusterctl.control.ClusterNetwork.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 15: {
                            message.autolock = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ClusterInfo;
        })();

        control.ClusterNetwork = (function() {

            /**
             * Properties of a ClusterNetwork.
             * @memberof clusterctl.control
             * @interface IClusterNetwork
             * @property {string|null} [clusterCidr] ClusterNetwork clusterCidr
             * @property {string|null} [vipCidr] ClusterNetwork vipCidr
             * @property {number|null} [nodeSubnetBits] ClusterNetwork nodeSubnetBits
             * @property {string|null} [backend] ClusterNetwork backend
             * @property {number|null} [vxlanPort] ClusterNetwork vxlanPort
             * @property {number|null} [mtu] ClusterNetwork mtu
             * @property {string|null} [dnsDomain] ClusterNetwork dnsDomain
             */

            /**
             * Constructs a new ClusterNetwork.
             * @memberof clusterctl.control
             * @classdesc Represents a ClusterNetwork.
             * @implements IClusterNetwork
             * @constructor
             * @param {clusterctl.control.IClusterNetwork=} [properties] Properties to set
             */
            function ClusterNetwork(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ClusterNetwork clusterCidr.
             * @member {string} clusterCidr
             * @memberof clusterctl.control.ClusterNetwork
             * @instance
             */
            ClusterNetwork.prototype.clusterCidr = "";

            /**
             * ClusterNetwork vipCidr.
             * @member {string} vipCidr
             * @memberof clusterctl.control.ClusterNetwork
             * @instance
             */
            ClusterNetwork.prototype.vipCidr = "";

            /**
             * ClusterNetwork nodeSubnetBits.
             * @member {number} nodeSubnetBits
             * @memberof clusterctl.control.ClusterNetwork
             * @instance
             */
            ClusterNetwork.prototype.nodeSubnetBits = 0;

            /**
             * ClusterNetwork backend.
             * @member {string} backend
             * @memberof clusterctl.control.ClusterNetwork
             * @instance
             */
            ClusterNetwork.prototype.backend = "";

            /**
             * ClusterNetwork vxlanPort.
             * @member {number} vxlanPort
             * @memberof clusterctl.control.ClusterNetwork
             * @instance
             */
            ClusterNetwork.prototype.vxlanPort = 0;

            /**
             * ClusterNetwork mtu.
             * @member {number} mtu
             * @memberof clusterctl.control.ClusterNetwork
             * @instance
             */
            ClusterNetwork.prototype.mtu = 0;

            /**
             * ClusterNetwork dnsDomain.
             * @member {string} dnsDomain
             * @memberof clusterctl.control.ClusterNetwork
             * @instance
             */
            ClusterNetwork.prototype.dnsDomain = "";

            /**
             * Encodes the specified ClusterNetwork message. Does not implicitly {@link clusterctl.control.ClusterNetwork.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ClusterNetwork
             * @static
             * @param {clusterctl.control.IClusterNetwork} message ClusterNetwork message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClusterNetwork.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.clusterCidr != null && Object.hasOwnProperty.call(message, "clusterCidr"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.clusterCidr);
                if (message.vipCidr != null && Object.hasOwnProperty.call(message, "vipCidr"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vipCidr);
                if (message.nodeSubnetBits != null && Object.hasOwnProperty.call(message, "nodeSubnetBits"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.nodeSubnetBits);
                if (message.backend != null && Object.hasOwnProperty.call(message, "backend"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.backend);
                if (message.vxlanPort != null && Object.hasOwnProperty.call(message, "vxlanPort"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.vxlanPort);
                if (message.mtu != null && Object.hasOwnProperty.call(message, "mtu"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.mtu);
                if (message.dnsDomain != null && Object.hasOwnProperty.call(message, "dnsDomain"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.dnsDomain);
                return writer;
            };

            /**
             * Decodes a ClusterNetwork message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ClusterNetwork
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ClusterNetwork} ClusterNetwork
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClusterNetwork.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ClusterNetwork();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.clusterCidr = reader.string();
                            break;
                        }
                    case 2: {
                            message.vipCidr = reader.string();
                            break;
                        }
                    case 3: {
                            message.nodeSubnetBits = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.backend = reader.string();
                            break;
                        }
                    case 5: {
                            message.vxlanPort = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.mtu = reader.uint32();
                            break;
                        }
                    case 7: {
                            message.dnsDomain = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ClusterNetwork;
        })();

        control.CreateNetworkRequest = (function() {

            /**
             * Properties of a CreateNetworkRequest.
             * @memberof clusterctl.control
             * @interface ICreateNetworkRequest
             * @property {clusterctl.cluster.INetworkSpec|null} [spec] CreateNetworkRequest spec
             */

            /**
             * Constructs a new CreateNetworkRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a CreateNetworkRequest.
             * @implements ICreateNetworkRequest
             * @constructor
             * @param {clusterctl.control.ICreateNetworkRequest=} [properties] Properties to set
             */
            function CreateNetworkRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CreateNetworkRequest spec.
             * @member {clusterctl.cluster.INetworkSpec|null|undefined} spec
             * @memberof clusterctl.control.CreateNetworkRequest
             * @instance
             */
            CreateNetworkRequest.prototype.spec = null;

            /**
             * Encodes the specified CreateNetworkRequest message. Does not implicitly {@link clusterctl.control.CreateNetworkRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.CreateNetworkRequest
             * @static
             * @param {clusterctl.control.ICreateNetworkRequest} message CreateNetworkRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateNetworkRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.spec != null && Object.hasOwnProperty.call(message, "spec"))
                    $root.clusterctl.cluster.NetworkSpec.encode(message.spec, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a CreateNetworkRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.CreateNetworkRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.CreateNetworkRequest} CreateNetworkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateNetworkRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.CreateNetworkRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.spec = $root.clusterctl.cluster.NetworkSpec.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return CreateNetworkRequest;
        })();

        control.GetNetworkRequest = (function() {

            /**
             * Properties of a GetNetworkRequest.
             * @memberof clusterctl.control
             * @interface IGetNetworkRequest
             * @property {string|null} [network] GetNetworkRequest network
             */

            /**
             * Constructs a new GetNetworkRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a GetNetworkRequest.
             * @implements IGetNetworkRequest
             * @constructor
             * @param {clusterctl.control.IGetNetworkRequest=} [properties] Properties to set
             */
            function GetNetworkRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetNetworkRequest network.
             * @member {string} network
             * @memberof clusterctl.control.GetNetworkRequest
             * @instance
             */
            GetNetworkRequest.prototype.network = "";

            /**
             * Encodes the specified GetNetworkRequest message. Does not implicitly {@link clusterctl.control.GetNetworkRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.GetNetworkRequest
             * @static
             * @param {clusterctl.control.IGetNetworkRequest} message GetNetworkRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetNetworkRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.network);
                return writer;
            };

            /**
             * Decodes a GetNetworkRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.GetNetworkRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.GetNetworkRequest} GetNetworkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetNetworkRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.GetNetworkRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.network = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetNetworkRequest;
        })();

        control.ListNetworksRequest = (function() {

            /**
             * Properties of a ListNetworksRequest.
             * @memberof clusterctl.control
             * @interface IListNetworksRequest
             * @property {Object.<string,string>|null} [filters] ListNetworksRequest filters
             */

            /**
             * Constructs a new ListNetworksRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a ListNetworksRequest.
             * @implements IListNetworksRequest
             * @constructor
             * @param {clusterctl.control.IListNetworksRequest=} [properties] Properties to set
             */
            function ListNetworksRequest(properties) {
                this.filters = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListNetworksRequest filters.
             * @member {Object.<string,string>} filters
             * @memberof clusterctl.control.ListNetworksRequest
             * @instance
             */
            ListNetworksRequest.prototype.filters = $util.emptyObject;

            /**
             * Encodes the specified ListNetworksRequest message. Does not implicitly {@link clusterctl.control.ListNetworksRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListNetworksRequest
             * @static
             * @param {clusterctl.control.IListNetworksRequest} message ListNetworksRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListNetworksRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.filters != null && Object.hasOwnProperty.call(message, "filters"))
                    for (var keys = Object.keys(message.filters), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.filters[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes a ListNetworksRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListNetworksRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListNetworksRequest} ListNetworksRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListNetworksRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListNetworksRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (message.filters === $util.emptyObject)
                                message.filters = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.filters, key);
                            message.filters[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListNetworksRequest;
        })();

        control.NetworkSummary = (function() {

            /**
             * Properties of a NetworkSummary.
             * @memberof clusterctl.control
             * @interface INetworkSummary
             * @property {clusterctl.cluster.INetwork|null} [network] NetworkSummary network
             * @property {Array.<string>|null} [services] NetworkSummary services
             */

            /**
             * Constructs a new NetworkSummary.
             * @memberof clusterctl.control
             * @classdesc Represents a NetworkSummary.
             * @implements INetworkSummary
             * @constructor
             * @param {clusterctl.control.INetworkSummary=} [properties] Properties to set
             */
            function NetworkSummary(properties) {
                this.services = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkSummary network.
             * @member {clusterctl.cluster.INetwork|null|undefined} network
             * @memberof clusterctl.control.NetworkSummary
             * @instance
             */
            NetworkSummary.prototype.network = null;

            /**
             * NetworkSummary services.
             * @member {Array.<string>} services
             * @memberof clusterctl.control.NetworkSummary
             * @instance
             */
            NetworkSummary.prototype.services = $util.emptyArray;

            /**
             * Encodes the specified NetworkSummary message. Does not implicitly {@link clusterctl.control.NetworkSummary.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.NetworkSummary
             * @static
             * @param {clusterctl.control.INetworkSummary} message NetworkSummary message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkSummary.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    $root.clusterctl.cluster.Network.encode(message.network, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.services != null && message.services.length)
                    for (var i = 0; i < message.services.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.services[i]);
                return writer;
            };

            /**
             * Decodes a NetworkSummary message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.NetworkSummary
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.NetworkSummary} NetworkSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkSummary.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.NetworkSummary();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.network = $root.clusterctl.cluster.Network.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            if (!(message.services && message.services.length))
                                message.services = [];
                            message.services.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkSummary;
        })();

        control.ListNetworksResponse = (function() {

            /**
             * Properties of a ListNetworksResponse.
             * @memberof clusterctl.control
             * @interface IListNetworksResponse
             * @property {Array.<clusterctl.control.INetworkSummary>|null} [networks] ListNetworksResponse networks
             */

            /**
             * Constructs a new ListNetworksResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a ListNetworksResponse.
             * @implements IListNetworksResponse
             * @constructor
             * @param {clusterctl.control.IListNetworksResponse=} [properties] Properties to set
             */
            function ListNetworksResponse(properties) {
                this.networks = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListNetworksResponse networks.
             * @member {Array.<clusterctl.control.INetworkSummary>} networks
             * @memberof clusterctl.control.ListNetworksResponse
             * @instance
             */
            ListNetworksResponse.prototype.networks = $util.emptyArray;

            /**
             * Encodes the specified ListNetworksResponse message. Does not implicitly {@link clusterctl.control.ListNetworksResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListNetworksResponse
             * @static
             * @param {clusterctl.control.IListNetworksResponse} message ListNetworksResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListNetworksResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.networks != null && message.networks.length)
                    for (var i = 0; i < message.networks.length; ++i)
                        $root.clusterctl.control.NetworkSummary.encode(message.networks[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ListNetworksResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListNetworksResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListNetworksResponse} ListNetworksResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListNetworksResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListNetworksResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.networks && message.networks.length))
                                message.networks = [];
                            message.networks.push($root.clusterctl.control.NetworkSummary.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListNetworksResponse;
        })();

        control.RemoveNetworkRequest = (function() {

            /**
             * Properties of a RemoveNetworkRequest.
             * @memberof clusterctl.control
             * @interface IRemoveNetworkRequest
             * @property {string|null} [network] RemoveNetworkRequest network
             */

            /**
             * Constructs a new RemoveNetworkRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a RemoveNetworkRequest.
             * @implements IRemoveNetworkRequest
             * @constructor
             * @param {clusterctl.control.IRemoveNetworkRequest=} [properties] Properties to set
             */
            function RemoveNetworkRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RemoveNetworkRequest network.
             * @member {string} network
             * @memberof clusterctl.control.RemoveNetworkRequest
             * @instance
             */
            RemoveNetworkRequest.prototype.network = "";

            /**
             * Encodes the specified RemoveNetworkRequest message. Does not implicitly {@link clusterctl.control.RemoveNetworkRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.RemoveNetworkRequest
             * @static
             * @param {clusterctl.control.IRemoveNetworkRequest} message RemoveNetworkRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RemoveNetworkRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.network);
                return writer;
            };

            /**
             * Decodes a RemoveNetworkRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.RemoveNetworkRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.RemoveNetworkRequest} RemoveNetworkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RemoveNetworkRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.RemoveNetworkRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.network = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RemoveNetworkRequest;
        })();

        control.RootRotation = (function() {

            /**
             * Properties of a RootRotation.
             * @memberof clusterctl.control
             * @interface IRootRotation
             * @property {string|null} [newRootCaDigest] RootRotation newRootCaDigest
             * @property {number|null} [startedAt] RootRotation startedAt
             * @property {number|null} [nodesRotated] RootRotation nodesRotated
             * @property {number|null} [nodesTotal] RootRotation nodesTotal
             */

            /**
             * Constructs a new RootRotation.
             * @memberof clusterctl.control
             * @classdesc Represents a RootRotation.
             * @implements IRootRotation
             * @constructor
             * @param {clusterctl.control.IRootRotation=} [properties] Properties to set
             */
            function RootRotation(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RootRotation newRootCaDigest.
             * @member {string} newRootCaDigest
             * @memberof clusterctl.control.RootRotation
             * @instance
             */
            RootRotation.prototype.newRootCaDigest = "";

            /**
             * RootRotation startedAt.
             * @member {number} startedAt
             * @memberof clusterctl.control.RootRotation
             * @instance
             */
            RootRotation.prototype.startedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RootRotation nodesRotated.
             * @member {number} nodesRotated
             * @memberof clusterctl.control.RootRotation
             * @instance
             */
            RootRotation.prototype.nodesRotated = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RootRotation nodesTotal.
             * @member {number} nodesTotal
             * @memberof clusterctl.control.RootRotation
             * @instance
             */
            RootRotation.prototype.nodesTotal = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified RootRotation message. Does not implicitly {@link clusterctl.control.RootRotation.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.RootRotation
             * @static
             * @param {clusterctl.control.IRootRotation} message RootRotation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RootRotation.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.newRootCaDigest != null && Object.hasOwnProperty.call(message, "newRootCaDigest"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.newRootCaDigest);
                if (message.startedAt != null && Object.hasOwnProperty.call(message, "startedAt"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.startedAt);
                if (message.nodesRotated != null && Object.hasOwnProperty.call(message, "nodesRotated"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.nodesRotated);
                if (message.nodesTotal != null && Object.hasOwnProperty.call(message, "nodesTotal"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.nodesTotal);
                return writer;
            };

            /**
             * Decodes a RootRotation message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.RootRotation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.RootRotation} RootRotation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RootRotation.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.RootRotation();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.newRootCaDigest = reader.string();
                            break;
                        }
                    case 2: {
                            message.startedAt = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.nodesRotated = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.nodesTotal = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RootRotation;
        })();

        control.RotateRootCaRequest = (function() {

            /**
             * Properties of a RotateRootCaRequest.
             * @memberof clusterctl.control
             * @interface IRotateRootCaRequest
             */

            /**
             * Constructs a new RotateRootCaRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a RotateRootCaRequest.
             * @implements IRotateRootCaRequest
             * @constructor
             * @param {clusterctl.control.IRotateRootCaRequest=} [properties] Properties to set
             */
            function RotateRootCaRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified RotateRootCaRequest message. Does not implicitly {@link clusterctl.control.RotateRootCaRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.RotateRootCaRequest
             * @static
             * @param {clusterctl.control.IRotateRootCaRequest} message RotateRootCaRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RotateRootCaRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes a RotateRootCaRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.RotateRootCaRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.RotateRootCaRequest} RotateRootCaRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RotateRootCaRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.RotateRootCaRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RotateRootCaRequest;
        })();

        control.UpdateClusterRequest = (function() {

            /**
             * Properties of an UpdateClusterRequest.
             * @memberof clusterctl.control
             * @interface IUpdateClusterRequest
             * @property {number|null} [version] UpdateClusterRequest version
             * @property {number|null} [heartbeatPeriodMs] UpdateClusterRequest heartbeatPeriodMs
             * @property {number|null} [nodeGraceMs] UpdateClusterRequest nodeGraceMs
             * @property {number|null} [taskHistoryLimit] UpdateClusterRequest taskHistoryLimit
             * @property {number|null} [nodeCertExpiryMs] UpdateClusterRequest nodeCertExpiryMs
             * @property {string|null} [dataPathBackend] UpdateClusterRequest dataPathBackend
             * @property {string|null} [autolock] UpdateClusterRequest autolock
             */

            /**
             * Constructs a new UpdateClusterRequest.
             * @memberof clusterctl.control
             * @classdesc Represents an UpdateClusterRequest.
             * @implements IUpdateClusterRequest
             * @constructor
             * @param {clusterctl.control.IUpdateClusterRequest=} [properties] Properties to set
             */
            function UpdateClusterRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UpdateClusterRequest version.
             * @member {number} version
             * @memberof clusterctl.control.UpdateClusterRequest
             * @instance
             */
            UpdateClusterRequest.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateClusterRequest heartbeatPeriodMs.
             * @member {number} heartbeatPeriodMs
             * @memberof clusterctl.control.UpdateClusterRequest
             * @instance
             */
            UpdateClusterRequest.prototype.heartbeatPeriodMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateClusterRequest nodeGraceMs.
             * @member {number} nodeGraceMs
             * @memberof clusterctl.control.UpdateClusterRequest
             * @instance
             */
            UpdateClusterRequest.prototype.nodeGraceMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateClusterRequest taskHistoryLimit.
             * @member {number} taskHistoryLimit
             * @memberof clusterctl.control.UpdateClusterRequest
             * @instance
             */
            UpdateClusterRequest.prototype.taskHistoryLimit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateClusterRequest nodeCertExpiryMs.
             * @member {number} nodeCertExpiryMs
             * @memberof clusterctl.control.UpdateClusterRequest
             * @instance
             */
            UpdateClusterRequest.prototype.nodeCertExpiryMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * UpdateClusterRequest dataPathBackend.
             * @member {string} dataPathBackend
             * @memberof clusterctl.control.UpdateClusterRequest
             * @instance
             */
            UpdateClusterRequest.prototype.dataPathBackend = "";

            /**
             * UpdateClusterRequest autolock.
             * @member {string} autolock
             * @memberof clusterctl.control.UpdateClusterRequest
             * @instance
             */
            UpdateClusterRequest.prototype.autolock = "";

            /**
             * Encodes the specified UpdateClusterRequest message. Does not implicitly {@link clusterctl.control.UpdateClusterRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.UpdateClusterRequest
             * @static
             * @param {clusterctl.control.IUpdateClusterRequest} message UpdateClusterRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateClusterRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                if (message.heartbeatPeriodMs != null && Object.hasOwnProperty.call(message, "heartbeatPeriodMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.heartbeatPeriodMs);
                if (message.nodeGraceMs != null && Object.hasOwnProperty.call(message, "nodeGraceMs"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.nodeGraceMs);
                if (message.taskHistoryLimit != null && Object.hasOwnProperty.call(message, "taskHistoryLimit"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.taskHistoryLimit);
                if (message.nodeCertExpiryMs != null && Object.hasOwnProperty.call(message, "nodeCertExpiryMs"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.nodeCertExpiryMs);
                if (message.autolock != null && Object.hasOwnProperty.call(message, "autolock"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.autolock);
                if (message.dataPathBackend != null && Object.hasOwnProperty.call(message, "dataPathBackend"))
                    writer.uint32(/* id 20, wireType 2 =*/162).string(message.dataPathBackend);
                return writer;
            };

            /**
             * Decodes an UpdateClusterRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.UpdateClusterRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.UpdateClusterRequest} UpdateClusterRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateClusterRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.UpdateClusterRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.heartbeatPeriodMs = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.nodeGraceMs = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.taskHistoryLimit = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.nodeCertExpiryMs = reader.uint64();
                            break;
                        }
                    case 20: {
                            message.dataPathBackend = reader.string();
                            break;
                        }
                    case 6: {
                            message.autolock = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UpdateClusterRequest;
        })();

        control.CreateSecretRequest = (function() {

            /**
             * Properties of a CreateSecretRequest.
             * @memberof clusterctl.control
             * @interface ICreateSecretRequest
             * @property {string|null} [name] CreateSecretRequest name
             * @property {Object.<string,string>|null} [labels] CreateSecretRequest labels
             * @property {Uint8Array|null} [data] CreateSecretRequest data
             * @property {boolean|null} [stackReuseSameData] CreateSecretRequest stackReuseSameData
             */

            /**
             * Constructs a new CreateSecretRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a CreateSecretRequest.
             * @implements ICreateSecretRequest
             * @constructor
             * @param {clusterctl.control.ICreateSecretRequest=} [properties] Properties to set
             */
            function CreateSecretRequest(properties) {
                this.labels = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CreateSecretRequest name.
             * @member {string} name
             * @memberof clusterctl.control.CreateSecretRequest
             * @instance
             */
            CreateSecretRequest.prototype.name = "";

            /**
             * CreateSecretRequest labels.
             * @member {Object.<string,string>} labels
             * @memberof clusterctl.control.CreateSecretRequest
             * @instance
             */
            CreateSecretRequest.prototype.labels = $util.emptyObject;

            /**
             * CreateSecretRequest data.
             * @member {Uint8Array} data
             * @memberof clusterctl.control.CreateSecretRequest
             * @instance
             */
            CreateSecretRequest.prototype.data = $util.newBuffer([]);

            /**
             * CreateSecretRequest stackReuseSameData.
             * @member {boolean} stackReuseSameData
             * @memberof clusterctl.control.CreateSecretRequest
             * @instance
             */
            CreateSecretRequest.prototype.stackReuseSameData = false;

            /**
             * Encodes the specified CreateSecretRequest message. Does not implicitly {@link clusterctl.control.CreateSecretRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.CreateSecretRequest
             * @static
             * @param {clusterctl.control.ICreateSecretRequest} message CreateSecretRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateSecretRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.labels != null && Object.hasOwnProperty.call(message, "labels"))
                    for (var keys = Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.stackReuseSameData != null && Object.hasOwnProperty.call(message, "stackReuseSameData"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.stackReuseSameData);
                return writer;
            };

            /**
             * Decodes a CreateSecretRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.CreateSecretRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.CreateSecretRequest} CreateSecretRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateSecretRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.CreateSecretRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            break;
                        }
                    case 3: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.stackReuseSameData = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return CreateSecretRequest;
        })();

        control.GetSecretRequest = (function() {

            /**
             * Properties of a GetSecretRequest.
             * @memberof clusterctl.control
             * @interface IGetSecretRequest
             * @property {string|null} [secret] GetSecretRequest secret
             */

            /**
             * Constructs a new GetSecretRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a GetSecretRequest.
             * @implements IGetSecretRequest
             * @constructor
             * @param {clusterctl.control.IGetSecretRequest=} [properties] Properties to set
             */
            function GetSecretRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetSecretRequest secret.
             * @member {string} secret
             * @memberof clusterctl.control.GetSecretRequest
             * @instance
             */
            GetSecretRequest.prototype.secret = "";

            /**
             * Encodes the specified GetSecretRequest message. Does not implicitly {@link clusterctl.control.GetSecretRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.GetSecretRequest
             * @static
             * @param {clusterctl.control.IGetSecretRequest} message GetSecretRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetSecretRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.secret != null && Object.hasOwnProperty.call(message, "secret"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.secret);
                return writer;
            };

            /**
             * Decodes a GetSecretRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.GetSecretRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.GetSecretRequest} GetSecretRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetSecretRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.GetSecretRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.secret = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetSecretRequest;
        })();

        control.ListSecretsRequest = (function() {

            /**
             * Properties of a ListSecretsRequest.
             * @memberof clusterctl.control
             * @interface IListSecretsRequest
             * @property {Object.<string,string>|null} [filters] ListSecretsRequest filters
             */

            /**
             * Constructs a new ListSecretsRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a ListSecretsRequest.
             * @implements IListSecretsRequest
             * @constructor
             * @param {clusterctl.control.IListSecretsRequest=} [properties] Properties to set
             */
            function ListSecretsRequest(properties) {
                this.filters = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListSecretsRequest filters.
             * @member {Object.<string,string>} filters
             * @memberof clusterctl.control.ListSecretsRequest
             * @instance
             */
            ListSecretsRequest.prototype.filters = $util.emptyObject;

            /**
             * Encodes the specified ListSecretsRequest message. Does not implicitly {@link clusterctl.control.ListSecretsRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListSecretsRequest
             * @static
             * @param {clusterctl.control.IListSecretsRequest} message ListSecretsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListSecretsRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.filters != null && Object.hasOwnProperty.call(message, "filters"))
                    for (var keys = Object.keys(message.filters), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.filters[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes a ListSecretsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListSecretsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListSecretsRequest} ListSecretsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListSecretsRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListSecretsRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (message.filters === $util.emptyObject)
                                message.filters = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.filters, key);
                            message.filters[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListSecretsRequest;
        })();

        control.ListSecretsResponse = (function() {

            /**
             * Properties of a ListSecretsResponse.
             * @memberof clusterctl.control
             * @interface IListSecretsResponse
             * @property {Array.<clusterctl.cluster.ISecret>|null} [secrets] ListSecretsResponse secrets
             */

            /**
             * Constructs a new ListSecretsResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a ListSecretsResponse.
             * @implements IListSecretsResponse
             * @constructor
             * @param {clusterctl.control.IListSecretsResponse=} [properties] Properties to set
             */
            function ListSecretsResponse(properties) {
                this.secrets = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListSecretsResponse secrets.
             * @member {Array.<clusterctl.cluster.ISecret>} secrets
             * @memberof clusterctl.control.ListSecretsResponse
             * @instance
             */
            ListSecretsResponse.prototype.secrets = $util.emptyArray;

            /**
             * Encodes the specified ListSecretsResponse message. Does not implicitly {@link clusterctl.control.ListSecretsResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListSecretsResponse
             * @static
             * @param {clusterctl.control.IListSecretsResponse} message ListSecretsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListSecretsResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.secrets != null && message.secrets.length)
                    for (var i = 0; i < message.secrets.length; ++i)
                        $root.clusterctl.cluster.Secret.encode(message.secrets[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ListSecretsResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListSecretsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListSecretsResponse} ListSecretsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListSecretsResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListSecretsResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.secrets && message.secrets.length))
                                message.secrets = [];
                            message.secrets.push($root.clusterctl.cluster.Secret.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListSecretsResponse;
        })();

        control.RemoveSecretRequest = (function() {

            /**
             * Properties of a RemoveSecretRequest.
             * @memberof clusterctl.control
             * @interface IRemoveSecretRequest
             * @property {string|null} [secret] RemoveSecretRequest secret
             */

            /**
             * Constructs a new RemoveSecretRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a RemoveSecretRequest.
             * @implements IRemoveSecretRequest
             * @constructor
             * @param {clusterctl.control.IRemoveSecretRequest=} [properties] Properties to set
             */
            function RemoveSecretRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RemoveSecretRequest secret.
             * @member {string} secret
             * @memberof clusterctl.control.RemoveSecretRequest
             * @instance
             */
            RemoveSecretRequest.prototype.secret = "";

            /**
             * Encodes the specified RemoveSecretRequest message. Does not implicitly {@link clusterctl.control.RemoveSecretRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.RemoveSecretRequest
             * @static
             * @param {clusterctl.control.IRemoveSecretRequest} message RemoveSecretRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RemoveSecretRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.secret != null && Object.hasOwnProperty.call(message, "secret"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.secret);
                return writer;
            };

            /**
             * Decodes a RemoveSecretRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.RemoveSecretRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.RemoveSecretRequest} RemoveSecretRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RemoveSecretRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.RemoveSecretRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.secret = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RemoveSecretRequest;
        })();

        control.CreateConfigRequest = (function() {

            /**
             * Properties of a CreateConfigRequest.
             * @memberof clusterctl.control
             * @interface ICreateConfigRequest
             * @property {string|null} [name] CreateConfigRequest name
             * @property {Object.<string,string>|null} [labels] CreateConfigRequest labels
             * @property {Uint8Array|null} [data] CreateConfigRequest data
             * @property {boolean|null} [stackReuseSameData] CreateConfigRequest stackReuseSameData
             */

            /**
             * Constructs a new CreateConfigRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a CreateConfigRequest.
             * @implements ICreateConfigRequest
             * @constructor
             * @param {clusterctl.control.ICreateConfigRequest=} [properties] Properties to set
             */
            function CreateConfigRequest(properties) {
                this.labels = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CreateConfigRequest name.
             * @member {string} name
             * @memberof clusterctl.control.CreateConfigRequest
             * @instance
             */
            CreateConfigRequest.prototype.name = "";

            /**
             * CreateConfigRequest labels.
             * @member {Object.<string,string>} labels
             * @memberof clusterctl.control.CreateConfigRequest
             * @instance
             */
            CreateConfigRequest.prototype.labels = $util.emptyObject;

            /**
             * CreateConfigRequest data.
             * @member {Uint8Array} data
             * @memberof clusterctl.control.CreateConfigRequest
             * @instance
             */
            CreateConfigRequest.prototype.data = $util.newBuffer([]);

            /**
             * CreateConfigRequest stackReuseSameData.
             * @member {boolean} stackReuseSameData
             * @memberof clusterctl.control.CreateConfigRequest
             * @instance
             */
            CreateConfigRequest.prototype.stackReuseSameData = false;

            /**
             * Encodes the specified CreateConfigRequest message. Does not implicitly {@link clusterctl.control.CreateConfigRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.CreateConfigRequest
             * @static
             * @param {clusterctl.control.ICreateConfigRequest} message CreateConfigRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateConfigRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.labels != null && Object.hasOwnProperty.call(message, "labels"))
                    for (var keys = Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.stackReuseSameData != null && Object.hasOwnProperty.call(message, "stackReuseSameData"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.stackReuseSameData);
                return writer;
            };

            /**
             * Decodes a CreateConfigRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.CreateConfigRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.CreateConfigRequest} CreateConfigRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateConfigRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.CreateConfigRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            break;
                        }
                    case 3: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.stackReuseSameData = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return CreateConfigRequest;
        })();

        control.GetConfigRequest = (function() {

            /**
             * Properties of a GetConfigRequest.
             * @memberof clusterctl.control
             * @interface IGetConfigRequest
             * @property {string|null} [config] GetConfigRequest config
             */

            /**
             * Constructs a new GetConfigRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a GetConfigRequest.
             * @implements IGetConfigRequest
             * @constructor
             * @param {clusterctl.control.IGetConfigRequest=} [properties] Properties to set
             */
            function GetConfigRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetConfigRequest config.
             * @member {string} config
             * @memberof clusterctl.control.GetConfigRequest
             * @instance
             */
            GetConfigRequest.prototype.config = "";

            /**
             * Encodes the specified GetConfigRequest message. Does not implicitly {@link clusterctl.control.GetConfigRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.GetConfigRequest
             * @static
             * @param {clusterctl.control.IGetConfigRequest} message GetConfigRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetConfigRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.config != null && Object.hasOwnProperty.call(message, "config"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.config);
                return writer;
            };

            /**
             * Decodes a GetConfigRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.GetConfigRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.GetConfigRequest} GetConfigRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetConfigRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.GetConfigRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.config = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetConfigRequest;
        })();

        control.ListConfigsRequest = (function() {

            /**
             * Properties of a ListConfigsRequest.
             * @memberof clusterctl.control
             * @interface IListConfigsRequest
             * @property {Object.<string,string>|null} [filters] ListConfigsRequest filters
             */

            /**
             * Constructs a new ListConfigsRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a ListConfigsRequest.
             * @implements IListConfigsRequest
             * @constructor
             * @param {clusterctl.control.IListConfigsRequest=} [properties] Properties to set
             */
            function ListConfigsRequest(properties) {
                this.filters = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListConfigsRequest filters.
             * @member {Object.<string,string>} filters
             * @memberof clusterctl.control.ListConfigsRequest
             * @instance
             */
            ListConfigsRequest.prototype.filters = $util.emptyObject;

            /**
             * Encodes the specified ListConfigsRequest message. Does not implicitly {@link clusterctl.control.ListConfigsRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListConfigsRequest
             * @static
             * @param {clusterctl.control.IListConfigsRequest} message ListConfigsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListConfigsRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.filters != null && Object.hasOwnProperty.call(message, "filters"))
                    for (var keys = Object.keys(message.filters), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.filters[keys[i]]).ldelim();
                return writer;
            };

            /**
             * Decodes a ListConfigsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListConfigsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListConfigsRequest} ListConfigsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListConfigsRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListConfigsRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (message.filters === $util.emptyObject)
                                message.filters = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.filters, key);
                            message.filters[key] = value;
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListConfigsRequest;
        })();

        control.ListConfigsResponse = (function() {

            /**
             * Properties of a ListConfigsResponse.
             * @memberof clusterctl.control
             * @interface IListConfigsResponse
             * @property {Array.<clusterctl.cluster.IConfig>|null} [configs] ListConfigsResponse configs
             */

            /**
             * Constructs a new ListConfigsResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a ListConfigsResponse.
             * @implements IListConfigsResponse
             * @constructor
             * @param {clusterctl.control.IListConfigsResponse=} [properties] Properties to set
             */
            function ListConfigsResponse(properties) {
                this.configs = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ListConfigsResponse configs.
             * @member {Array.<clusterctl.cluster.IConfig>} configs
             * @memberof clusterctl.control.ListConfigsResponse
             * @instance
             */
            ListConfigsResponse.prototype.configs = $util.emptyArray;

            /**
             * Encodes the specified ListConfigsResponse message. Does not implicitly {@link clusterctl.control.ListConfigsResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ListConfigsResponse
             * @static
             * @param {clusterctl.control.IListConfigsResponse} message ListConfigsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListConfigsResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.configs != null && message.configs.length)
                    for (var i = 0; i < message.configs.length; ++i)
                        $root.clusterctl.cluster.Config.encode(message.configs[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ListConfigsResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ListConfigsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ListConfigsResponse} ListConfigsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListConfigsResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ListConfigsResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.configs && message.configs.length))
                                message.configs = [];
                            message.configs.push($root.clusterctl.cluster.Config.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ListConfigsResponse;
        })();

        control.RemoveConfigRequest = (function() {

            /**
             * Properties of a RemoveConfigRequest.
             * @memberof clusterctl.control
             * @interface IRemoveConfigRequest
             * @property {string|null} [config] RemoveConfigRequest config
             */

            /**
             * Constructs a new RemoveConfigRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a RemoveConfigRequest.
             * @implements IRemoveConfigRequest
             * @constructor
             * @param {clusterctl.control.IRemoveConfigRequest=} [properties] Properties to set
             */
            function RemoveConfigRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RemoveConfigRequest config.
             * @member {string} config
             * @memberof clusterctl.control.RemoveConfigRequest
             * @instance
             */
            RemoveConfigRequest.prototype.config = "";

            /**
             * Encodes the specified RemoveConfigRequest message. Does not implicitly {@link clusterctl.control.RemoveConfigRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.RemoveConfigRequest
             * @static
             * @param {clusterctl.control.IRemoveConfigRequest} message RemoveConfigRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RemoveConfigRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.config != null && Object.hasOwnProperty.call(message, "config"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.config);
                return writer;
            };

            /**
             * Decodes a RemoveConfigRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.RemoveConfigRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.RemoveConfigRequest} RemoveConfigRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RemoveConfigRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.RemoveConfigRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.config = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RemoveConfigRequest;
        })();

        control.GetUnlockKeyRequest = (function() {

            /**
             * Properties of a GetUnlockKeyRequest.
             * @memberof clusterctl.control
             * @interface IGetUnlockKeyRequest
             * @property {boolean|null} [rotate] GetUnlockKeyRequest rotate
             */

            /**
             * Constructs a new GetUnlockKeyRequest.
             * @memberof clusterctl.control
             * @classdesc Represents a GetUnlockKeyRequest.
             * @implements IGetUnlockKeyRequest
             * @constructor
             * @param {clusterctl.control.IGetUnlockKeyRequest=} [properties] Properties to set
             */
            function GetUnlockKeyRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetUnlockKeyRequest rotate.
             * @member {boolean} rotate
             * @memberof clusterctl.control.GetUnlockKeyRequest
             * @instance
             */
            GetUnlockKeyRequest.prototype.rotate = false;

            /**
             * Encodes the specified GetUnlockKeyRequest message. Does not implicitly {@link clusterctl.control.GetUnlockKeyRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.GetUnlockKeyRequest
             * @static
             * @param {clusterctl.control.IGetUnlockKeyRequest} message GetUnlockKeyRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetUnlockKeyRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.rotate != null && Object.hasOwnProperty.call(message, "rotate"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.rotate);
                return writer;
            };

            /**
             * Decodes a GetUnlockKeyRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.GetUnlockKeyRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.GetUnlockKeyRequest} GetUnlockKeyRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetUnlockKeyRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.GetUnlockKeyRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.rotate = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetUnlockKeyRequest;
        })();

        control.GetUnlockKeyResponse = (function() {

            /**
             * Properties of a GetUnlockKeyResponse.
             * @memberof clusterctl.control
             * @interface IGetUnlockKeyResponse
             * @property {string|null} [unlockKey] GetUnlockKeyResponse unlockKey
             */

            /**
             * Constructs a new GetUnlockKeyResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a GetUnlockKeyResponse.
             * @implements IGetUnlockKeyResponse
             * @constructor
             * @param {clusterctl.control.IGetUnlockKeyResponse=} [properties] Properties to set
             */
            function GetUnlockKeyResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetUnlockKeyResponse unlockKey.
             * @member {string} unlockKey
             * @memberof clusterctl.control.GetUnlockKeyResponse
             * @instance
             */
            GetUnlockKeyResponse.prototype.unlockKey = "";

            /**
             * Encodes the specified GetUnlockKeyResponse message. Does not implicitly {@link clusterctl.control.GetUnlockKeyResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.GetUnlockKeyResponse
             * @static
             * @param {clusterctl.control.IGetUnlockKeyResponse} message GetUnlockKeyResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetUnlockKeyResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.unlockKey != null && Object.hasOwnProperty.call(message, "unlockKey"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.unlockKey);
                return writer;
            };

            /**
             * Decodes a GetUnlockKeyResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.GetUnlockKeyResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.GetUnlockKeyResponse} GetUnlockKeyResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetUnlockKeyResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.GetUnlockKeyResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.unlockKey = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetUnlockKeyResponse;
        })();

        control.ManagerReachabilityResponse = (function() {

            /**
             * Properties of a ManagerReachabilityResponse.
             * @memberof clusterctl.control
             * @interface IManagerReachabilityResponse
             * @property {number|null} [leaderRaftId] ManagerReachabilityResponse leaderRaftId
             * @property {number|null} [term] ManagerReachabilityResponse term
             * @property {Array.<clusterctl.control.IManagerReachability>|null} [managers] ManagerReachabilityResponse managers
             */

            /**
             * Constructs a new ManagerReachabilityResponse.
             * @memberof clusterctl.control
             * @classdesc Represents a ManagerReachabilityResponse.
             * @implements IManagerReachabilityResponse
             * @constructor
             * @param {clusterctl.control.IManagerReachabilityResponse=} [properties] Properties to set
             */
            function ManagerReachabilityResponse(properties) {
                this.managers = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ManagerReachabilityResponse leaderRaftId.
             * @member {number} leaderRaftId
             * @memberof clusterctl.control.ManagerReachabilityResponse
             * @instance
             */
            ManagerReachabilityResponse.prototype.leaderRaftId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ManagerReachabilityResponse term.
             * @member {number} term
             * @memberof clusterctl.control.ManagerReachabilityResponse
             * @instance
             */
            ManagerReachabilityResponse.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ManagerReachabilityResponse managers.
             * @member {Array.<clusterctl.control.IManagerReachability>} managers
             * @memberof clusterctl.control.ManagerReachabilityResponse
             * @instance
             */
            ManagerReachabilityResponse.prototype.managers = $util.emptyArray;

            /**
             * Encodes the specified ManagerReachabilityResponse message. Does not implicitly {@link clusterctl.control.ManagerReachabilityResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ManagerReachabilityResponse
             * @static
             * @param {clusterctl.control.IManagerReachabilityResponse} message ManagerReachabilityResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ManagerReachabilityResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.leaderRaftId != null && Object.hasOwnProperty.call(message, "leaderRaftId"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.leaderRaftId);
                if (message.term != null && Object.hasOwnProperty.call(message, "term"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.term);
                if (message.managers != null && message.managers.length)
                    for (var i = 0; i < message.managers.length; ++i)
                        $root.clusterctl.control.ManagerReachability.encode(message.managers[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ManagerReachabilityResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ManagerReachabilityResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ManagerReachabilityResponse} ManagerReachabilityResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ManagerReachabilityResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ManagerReachabilityResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.leaderRaftId = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.term = reader.uint64();
                            break;
                        }
                    case 3: {
                            if (!(message.managers && message.managers.length))
                                message.managers = [];
                            message.managers.push($root.clusterctl.control.ManagerReachability.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ManagerReachabilityResponse;
        })();

        control.ManagerReachability = (function() {

            /**
             * Properties of a ManagerReachability.
             * @memberof clusterctl.control
             * @interface IManagerReachability
             * @property {number|null} [raftId] ManagerReachability raftId
             * @property {string|null} [reachability] ManagerReachability reachability
             */

            /**
             * Constructs a new ManagerReachability.
             * @memberof clusterctl.control
             * @classdesc Represents a ManagerReachability.
             * @implements IManagerReachability
             * @constructor
             * @param {clusterctl.control.IManagerReachability=} [properties] Properties to set
             */
            function ManagerReachability(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ManagerReachability raftId.
             * @member {number} raftId
             * @memberof clusterctl.control.ManagerReachability
             * @instance
             */
            ManagerReachability.prototype.raftId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ManagerReachability reachability.
             * @member {string} reachability
             * @memberof clusterctl.control.ManagerReachability
             * @instance
             */
            ManagerReachability.prototype.reachability = "";

            /**
             * Encodes the specified ManagerReachability message. Does not implicitly {@link clusterctl.control.ManagerReachability.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.control.ManagerReachability
             * @static
             * @param {clusterctl.control.IManagerReachability} message ManagerReachability message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ManagerReachability.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.raftId != null && Object.hasOwnProperty.call(message, "raftId"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.raftId);
                if (message.reachability != null && Object.hasOwnProperty.call(message, "reachability"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reachability);
                return writer;
            };

            /**
             * Decodes a ManagerReachability message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.control.ManagerReachability
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.control.ManagerReachability} ManagerReachability
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ManagerReachability.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.control.ManagerReachability();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.raftId = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.reachability = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ManagerReachability;
        })();

        control.Control = (function() {

            /**
             * Constructs a new Control service.
             * @memberof clusterctl.control
             * @classdesc Represents a Control
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function Control(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (Control.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Control;

            /**
             * Callback as used by {@link clusterctl.control.Control#getNode}.
             * @memberof clusterctl.control.Control
             * @typedef GetNodeCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Node} [response] Node
             */

            /**
             * Calls GetNode.
             * @function getNode
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetNodeRequest} request GetNodeRequest message or plain object
             * @param {clusterctl.control.Control.GetNodeCallback} callback Node-style callback called with the error, if any, and Node
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getNode = function getNode(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getNode, $root.clusterctl.control.GetNodeRequest, $root.clusterctl.cluster.Node, request, callback);
            }, "name", { value: "GetNode" });

            /**
             * Calls GetNode.
             * @function getNode
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetNodeRequest} request GetNodeRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Node>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#listNodes}.
             * @memberof clusterctl.control.Control
             * @typedef ListNodesCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ListNodesResponse} [response] ListNodesResponse
             */

            /**
             * Calls ListNodes.
             * @function listNodes
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListNodesRequest} request ListNodesRequest message or plain object
             * @param {clusterctl.control.Control.ListNodesCallback} callback Node-style callback called with the error, if any, and ListNodesResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.listNodes = function listNodes(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listNodes, $root.clusterctl.control.ListNodesRequest, $root.clusterctl.control.ListNodesResponse, request, callback);
            }, "name", { value: "ListNodes" });

            /**
             * Calls ListNodes.
             * @function listNodes
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListNodesRequest} request ListNodesRequest message or plain object
             * @returns {Promise<clusterctl.control.ListNodesResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#updateNode}.
             * @memberof clusterctl.control.Control
             * @typedef UpdateNodeCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Node} [response] Node
             */

            /**
             * Calls UpdateNode.
             * @function updateNode
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IUpdateNodeRequest} request UpdateNodeRequest message or plain object
             * @param {clusterctl.control.Control.UpdateNodeCallback} callback Node-style callback called with the error, if any, and Node
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.updateNode = function updateNode(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, updateNode, $root.clusterctl.control.UpdateNodeRequest, $root.clusterctl.cluster.Node, request, callback);
            }, "name", { value: "UpdateNode" });

            /**
             * Calls UpdateNode.
             * @function updateNode
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IUpdateNodeRequest} request UpdateNodeRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Node>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#removeNode}.
             * @memberof clusterctl.control.Control
             * @typedef RemoveNodeCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.Empty} [response] Empty
             */

            /**
             * Calls RemoveNode.
             * @function removeNode
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveNodeRequest} request RemoveNodeRequest message or plain object
             * @param {clusterctl.control.Control.RemoveNodeCallback} callback Node-style callback called with the error, if any, and Empty
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.removeNode = function removeNode(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, removeNode, $root.clusterctl.control.RemoveNodeRequest, $root.clusterctl.control.Empty, request, callback);
            }, "name", { value: "RemoveNode" });

            /**
             * Calls RemoveNode.
             * @function removeNode
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveNodeRequest} request RemoveNodeRequest message or plain object
             * @returns {Promise<clusterctl.control.Empty>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#createService}.
             * @memberof clusterctl.control.Control
             * @typedef CreateServiceCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Service} [response] Service
             */

            /**
             * Calls CreateService.
             * @function createService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.ICreateServiceRequest} request CreateServiceRequest message or plain object
             * @param {clusterctl.control.Control.CreateServiceCallback} callback Node-style callback called with the error, if any, and Service
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.createService = function createService(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, createService, $root.clusterctl.control.CreateServiceRequest, $root.clusterctl.cluster.Service, request, callback);
            }, "name", { value: "CreateService" });

            /**
             * Calls CreateService.
             * @function createService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.ICreateServiceRequest} request CreateServiceRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Service>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#getService}.
             * @memberof clusterctl.control.Control
             * @typedef GetServiceCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Service} [response] Service
             */

            /**
             * Calls GetService.
             * @function getService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetServiceRequest} request GetServiceRequest message or plain object
             * @param {clusterctl.control.Control.GetServiceCallback} callback Node-style callback called with the error, if any, and Service
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getService = function getService(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getService, $root.clusterctl.control.GetServiceRequest, $root.clusterctl.cluster.Service, request, callback);
            }, "name", { value: "GetService" });

            /**
             * Calls GetService.
             * @function getService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetServiceRequest} request GetServiceRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Service>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#listServices}.
             * @memberof clusterctl.control.Control
             * @typedef ListServicesCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ListServicesResponse} [response] ListServicesResponse
             */

            /**
             * Calls ListServices.
             * @function listServices
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListServicesRequest} request ListServicesRequest message or plain object
             * @param {clusterctl.control.Control.ListServicesCallback} callback Node-style callback called with the error, if any, and ListServicesResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.listServices = function listServices(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listServices, $root.clusterctl.control.ListServicesRequest, $root.clusterctl.control.ListServicesResponse, request, callback);
            }, "name", { value: "ListServices" });

            /**
             * Calls ListServices.
             * @function listServices
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListServicesRequest} request ListServicesRequest message or plain object
             * @returns {Promise<clusterctl.control.ListServicesResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#updateService}.
             * @memberof clusterctl.control.Control
             * @typedef UpdateServiceCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Service} [response] Service
             */

            /**
             * Calls UpdateService.
             * @function updateService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IUpdateServiceRequest} request UpdateServiceRequest message or plain object
             * @param {clusterctl.control.Control.UpdateServiceCallback} callback Node-style callback called with the error, if any, and Service
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.updateService = function updateService(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, updateService, $root.clusterctl.control.UpdateServiceRequest, $root.clusterctl.cluster.Service, request, callback);
            }, "name", { value: "UpdateService" });

            /**
             * Calls UpdateService.
             * @function updateService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IUpdateServiceRequest} request UpdateServiceRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Service>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#scaleService}.
             * @memberof clusterctl.control.Control
             * @typedef ScaleServiceCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Service} [response] Service
             */

            /**
             * Calls ScaleService.
             * @function scaleService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IScaleServiceRequest} request ScaleServiceRequest message or plain object
             * @param {clusterctl.control.Control.ScaleServiceCallback} callback Node-style callback called with the error, if any, and Service
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.scaleService = function scaleService(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, scaleService, $root.clusterctl.control.ScaleServiceRequest, $root.clusterctl.cluster.Service, request, callback);
            }, "name", { value: "ScaleService" });

            /**
             * Calls ScaleService.
             * @function scaleService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IScaleServiceRequest} request ScaleServiceRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Service>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#removeService}.
             * @memberof clusterctl.control.Control
             * @typedef RemoveServiceCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.Empty} [response] Empty
             */

            /**
             * Calls RemoveService.
             * @function removeService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveServiceRequest} request RemoveServiceRequest message or plain object
             * @param {clusterctl.control.Control.RemoveServiceCallback} callback Node-style callback called with the error, if any, and Empty
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.removeService = function removeService(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, removeService, $root.clusterctl.control.RemoveServiceRequest, $root.clusterctl.control.Empty, request, callback);
            }, "name", { value: "RemoveService" });

            /**
             * Calls RemoveService.
             * @function removeService
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveServiceRequest} request RemoveServiceRequest message or plain object
             * @returns {Promise<clusterctl.control.Empty>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#listTasks}.
             * @memberof clusterctl.control.Control
             * @typedef ListTasksCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ListTasksResponse} [response] ListTasksResponse
             */

            /**
             * Calls ListTasks.
             * @function listTasks
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListTasksRequest} request ListTasksRequest message or plain object
             * @param {clusterctl.control.Control.ListTasksCallback} callback Node-style callback called with the error, if any, and ListTasksResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.listTasks = function listTasks(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listTasks, $root.clusterctl.control.ListTasksRequest, $root.clusterctl.control.ListTasksResponse, request, callback);
            }, "name", { value: "ListTasks" });

            /**
             * Calls ListTasks.
             * @function listTasks
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListTasksRequest} request ListTasksRequest message or plain object
             * @returns {Promise<clusterctl.control.ListTasksResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#serviceLogs}.
             * @memberof clusterctl.control.Control
             * @typedef ServiceLogsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.LogLine} [response] LogLine
             */

            /**
             * Calls ServiceLogs.
             * @function serviceLogs
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IServiceLogsRequest} request ServiceLogsRequest message or plain object
             * @param {clusterctl.control.Control.ServiceLogsCallback} callback Node-style callback called with the error, if any, and LogLine
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.serviceLogs = function serviceLogs(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, serviceLogs, $root.clusterctl.control.ServiceLogsRequest, $root.clusterctl.control.LogLine, request, callback);
            }, "name", { value: "ServiceLogs" });

            /**
             * Calls ServiceLogs.
             * @function serviceLogs
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IServiceLogsRequest} request ServiceLogsRequest message or plain object
             * @returns {Promise<clusterctl.control.LogLine>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#events}.
             * @memberof clusterctl.control.Control
             * @typedef EventsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.EventsMessage} [response] EventsMessage
             */

            /**
             * Calls Events.
             * @function events
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IEventsRequest} request EventsRequest message or plain object
             * @param {clusterctl.control.Control.EventsCallback} callback Node-style callback called with the error, if any, and EventsMessage
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.events = function events(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, events, $root.clusterctl.control.EventsRequest, $root.clusterctl.control.EventsMessage, request, callback);
            }, "name", { value: "Events" });

            /**
             * Calls Events.
             * @function events
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IEventsRequest} request EventsRequest message or plain object
             * @returns {Promise<clusterctl.control.EventsMessage>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#getJoinToken}.
             * @memberof clusterctl.control.Control
             * @typedef GetJoinTokenCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.JoinTokenResponse} [response] JoinTokenResponse
             */

            /**
             * Calls GetJoinToken.
             * @function getJoinToken
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IJoinTokenRequest} request JoinTokenRequest message or plain object
             * @param {clusterctl.control.Control.GetJoinTokenCallback} callback Node-style callback called with the error, if any, and JoinTokenResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getJoinToken = function getJoinToken(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getJoinToken, $root.clusterctl.control.JoinTokenRequest, $root.clusterctl.control.JoinTokenResponse, request, callback);
            }, "name", { value: "GetJoinToken" });

            /**
             * Calls GetJoinToken.
             * @function getJoinToken
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IJoinTokenRequest} request JoinTokenRequest message or plain object
             * @returns {Promise<clusterctl.control.JoinTokenResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#getClusterInfo}.
             * @memberof clusterctl.control.Control
             * @typedef GetClusterInfoCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ClusterInfo} [response] ClusterInfo
             */

            /**
             * Calls GetClusterInfo.
             * @function getClusterInfo
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IEmpty} request Empty message or plain object
             * @param {clusterctl.control.Control.GetClusterInfoCallback} callback Node-style callback called with the error, if any, and ClusterInfo
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getClusterInfo = function getClusterInfo(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getClusterInfo, $root.clusterctl.control.Empty, $root.clusterctl.control.ClusterInfo, request, callback);
            }, "name", { value: "GetClusterInfo" });

            /**
             * Calls GetClusterInfo.
             * @function getClusterInfo
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IEmpty} request Empty message or plain object
             * @returns {Promise<clusterctl.control.ClusterInfo>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#updateCluster}.
             * @memberof clusterctl.control.Control
             * @typedef UpdateClusterCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ClusterInfo} [response] ClusterInfo
             */

            /**
             * Calls UpdateCluster.
             * @function updateCluster
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IUpdateClusterRequest} request UpdateClusterRequest message or plain object
             * @param {clusterctl.control.Control.UpdateClusterCallback} callback Node-style callback called with the error, if any, and ClusterInfo
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.updateCluster = function updateCluster(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, updateCluster, $root.clusterctl.control.UpdateClusterRequest, $root.clusterctl.control.ClusterInfo, request, callback);
            }, "name", { value: "UpdateCluster" });

            /**
             * Calls UpdateCluster.
             * @function updateCluster
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IUpdateClusterRequest} request UpdateClusterRequest message or plain object
             * @returns {Promise<clusterctl.control.ClusterInfo>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#rotateRootCa}.
             * @memberof clusterctl.control.Control
             * @typedef RotateRootCaCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ClusterInfo} [response] ClusterInfo
             */

            /**
             * Calls RotateRootCa.
             * @function rotateRootCa
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRotateRootCaRequest} request RotateRootCaRequest message or plain object
             * @param {clusterctl.control.Control.RotateRootCaCallback} callback Node-style callback called with the error, if any, and ClusterInfo
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.rotateRootCa = function rotateRootCa(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, rotateRootCa, $root.clusterctl.control.RotateRootCaRequest, $root.clusterctl.control.ClusterInfo, request, callback);
            }, "name", { value: "RotateRootCa" });

            /**
             * Calls RotateRootCa.
             * @function rotateRootCa
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRotateRootCaRequest} request RotateRootCaRequest message or plain object
             * @returns {Promise<clusterctl.control.ClusterInfo>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#createNetwork}.
             * @memberof clusterctl.control.Control
             * @typedef CreateNetworkCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Network} [response] Network
             */

            /**
             * Calls CreateNetwork.
             * @function createNetwork
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.ICreateNetworkRequest} request CreateNetworkRequest message or plain object
             * @param {clusterctl.control.Control.CreateNetworkCallback} callback Node-style callback called with the error, if any, and Network
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.createNetwork = function createNetwork(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, createNetwork, $root.clusterctl.control.CreateNetworkRequest, $root.clusterctl.cluster.Network, request, callback);
            }, "name", { value: "CreateNetwork" });

            /**
             * Calls CreateNetwork.
             * @function createNetwork
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.ICreateNetworkRequest} request CreateNetworkRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Network>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#getNetwork}.
             * @memberof clusterctl.control.Control
             * @typedef GetNetworkCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.NetworkSummary} [response] NetworkSummary
             */

            /**
             * Calls GetNetwork.
             * @function getNetwork
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetNetworkRequest} request GetNetworkRequest message or plain object
             * @param {clusterctl.control.Control.GetNetworkCallback} callback Node-style callback called with the error, if any, and NetworkSummary
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getNetwork = function getNetwork(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getNetwork, $root.clusterctl.control.GetNetworkRequest, $root.clusterctl.control.NetworkSummary, request, callback);
            }, "name", { value: "GetNetwork" });

            /**
             * Calls GetNetwork.
             * @function getNetwork
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetNetworkRequest} request GetNetworkRequest message or plain object
             * @returns {Promise<clusterctl.control.NetworkSummary>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#listNetworks}.
             * @memberof clusterctl.control.Control
             * @typedef ListNetworksCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ListNetworksResponse} [response] ListNetworksResponse
             */

            /**
             * Calls ListNetworks.
             * @function listNetworks
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListNetworksRequest} request ListNetworksRequest message or plain object
             * @param {clusterctl.control.Control.ListNetworksCallback} callback Node-style callback called with the error, if any, and ListNetworksResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.listNetworks = function listNetworks(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listNetworks, $root.clusterctl.control.ListNetworksRequest, $root.clusterctl.control.ListNetworksResponse, request, callback);
            }, "name", { value: "ListNetworks" });

            /**
             * Calls ListNetworks.
             * @function listNetworks
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListNetworksRequest} request ListNetworksRequest message or plain object
             * @returns {Promise<clusterctl.control.ListNetworksResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#removeNetwork}.
             * @memberof clusterctl.control.Control
             * @typedef RemoveNetworkCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.Empty} [response] Empty
             */

            /**
             * Calls RemoveNetwork.
             * @function removeNetwork
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveNetworkRequest} request RemoveNetworkRequest message or plain object
             * @param {clusterctl.control.Control.RemoveNetworkCallback} callback Node-style callback called with the error, if any, and Empty
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.removeNetwork = function removeNetwork(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, removeNetwork, $root.clusterctl.control.RemoveNetworkRequest, $root.clusterctl.control.Empty, request, callback);
            }, "name", { value: "RemoveNetwork" });

            /**
             * Calls RemoveNetwork.
             * @function removeNetwork
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveNetworkRequest} request RemoveNetworkRequest message or plain object
             * @returns {Promise<clusterctl.control.Empty>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#createSecret}.
             * @memberof clusterctl.control.Control
             * @typedef CreateSecretCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Secret} [response] Secret
             */

            /**
             * Calls CreateSecret.
             * @function createSecret
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.ICreateSecretRequest} request CreateSecretRequest message or plain object
             * @param {clusterctl.control.Control.CreateSecretCallback} callback Node-style callback called with the error, if any, and Secret
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.createSecret = function createSecret(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, createSecret, $root.clusterctl.control.CreateSecretRequest, $root.clusterctl.cluster.Secret, request, callback);
            }, "name", { value: "CreateSecret" });

            /**
             * Calls CreateSecret.
             * @function createSecret
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.ICreateSecretRequest} request CreateSecretRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Secret>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#getSecret}.
             * @memberof clusterctl.control.Control
             * @typedef GetSecretCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Secret} [response] Secret
             */

            /**
             * Calls GetSecret.
             * @function getSecret
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetSecretRequest} request GetSecretRequest message or plain object
             * @param {clusterctl.control.Control.GetSecretCallback} callback Node-style callback called with the error, if any, and Secret
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getSecret = function getSecret(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getSecret, $root.clusterctl.control.GetSecretRequest, $root.clusterctl.cluster.Secret, request, callback);
            }, "name", { value: "GetSecret" });

            /**
             * Calls GetSecret.
             * @function getSecret
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetSecretRequest} request GetSecretRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Secret>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#listSecrets}.
             * @memberof clusterctl.control.Control
             * @typedef ListSecretsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ListSecretsResponse} [response] ListSecretsResponse
             */

            /**
             * Calls ListSecrets.
             * @function listSecrets
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListSecretsRequest} request ListSecretsRequest message or plain object
             * @param {clusterctl.control.Control.ListSecretsCallback} callback Node-style callback called with the error, if any, and ListSecretsResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.listSecrets = function listSecrets(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listSecrets, $root.clusterctl.control.ListSecretsRequest, $root.clusterctl.control.ListSecretsResponse, request, callback);
            }, "name", { value: "ListSecrets" });

            /**
             * Calls ListSecrets.
             * @function listSecrets
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListSecretsRequest} request ListSecretsRequest message or plain object
             * @returns {Promise<clusterctl.control.ListSecretsResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#removeSecret}.
             * @memberof clusterctl.control.Control
             * @typedef RemoveSecretCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.Empty} [response] Empty
             */

            /**
             * Calls RemoveSecret.
             * @function removeSecret
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveSecretRequest} request RemoveSecretRequest message or plain object
             * @param {clusterctl.control.Control.RemoveSecretCallback} callback Node-style callback called with the error, if any, and Empty
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.removeSecret = function removeSecret(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, removeSecret, $root.clusterctl.control.RemoveSecretRequest, $root.clusterctl.control.Empty, request, callback);
            }, "name", { value: "RemoveSecret" });

            /**
             * Calls RemoveSecret.
             * @function removeSecret
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveSecretRequest} request RemoveSecretRequest message or plain object
             * @returns {Promise<clusterctl.control.Empty>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#createConfig}.
             * @memberof clusterctl.control.Control
             * @typedef CreateConfigCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Config} [response] Config
             */

            /**
             * Calls CreateConfig.
             * @function createConfig
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.ICreateConfigRequest} request CreateConfigRequest message or plain object
             * @param {clusterctl.control.Control.CreateConfigCallback} callback Node-style callback called with the error, if any, and Config
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.createConfig = function createConfig(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, createConfig, $root.clusterctl.control.CreateConfigRequest, $root.clusterctl.cluster.Config, request, callback);
            }, "name", { value: "CreateConfig" });

            /**
             * Calls CreateConfig.
             * @function createConfig
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.ICreateConfigRequest} request CreateConfigRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Config>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#getConfig}.
             * @memberof clusterctl.control.Control
             * @typedef GetConfigCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.cluster.Config} [response] Config
             */

            /**
             * Calls GetConfig.
             * @function getConfig
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetConfigRequest} request GetConfigRequest message or plain object
             * @param {clusterctl.control.Control.GetConfigCallback} callback Node-style callback called with the error, if any, and Config
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getConfig = function getConfig(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getConfig, $root.clusterctl.control.GetConfigRequest, $root.clusterctl.cluster.Config, request, callback);
            }, "name", { value: "GetConfig" });

            /**
             * Calls GetConfig.
             * @function getConfig
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetConfigRequest} request GetConfigRequest message or plain object
             * @returns {Promise<clusterctl.cluster.Config>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#listConfigs}.
             * @memberof clusterctl.control.Control
             * @typedef ListConfigsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ListConfigsResponse} [response] ListConfigsResponse
             */

            /**
             * Calls ListConfigs.
             * @function listConfigs
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListConfigsRequest} request ListConfigsRequest message or plain object
             * @param {clusterctl.control.Control.ListConfigsCallback} callback Node-style callback called with the error, if any, and ListConfigsResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.listConfigs = function listConfigs(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listConfigs, $root.clusterctl.control.ListConfigsRequest, $root.clusterctl.control.ListConfigsResponse, request, callback);
            }, "name", { value: "ListConfigs" });

            /**
             * Calls ListConfigs.
             * @function listConfigs
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IListConfigsRequest} request ListConfigsRequest message or plain object
             * @returns {Promise<clusterctl.control.ListConfigsResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#removeConfig}.
             * @memberof clusterctl.control.Control
             * @typedef RemoveConfigCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.Empty} [response] Empty
             */

            /**
             * Calls RemoveConfig.
             * @function removeConfig
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveConfigRequest} request RemoveConfigRequest message or plain object
             * @param {clusterctl.control.Control.RemoveConfigCallback} callback Node-style callback called with the error, if any, and Empty
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.removeConfig = function removeConfig(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, removeConfig, $root.clusterctl.control.RemoveConfigRequest, $root.clusterctl.control.Empty, request, callback);
            }, "name", { value: "RemoveConfig" });

            /**
             * Calls RemoveConfig.
             * @function removeConfig
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IRemoveConfigRequest} request RemoveConfigRequest message or plain object
             * @returns {Promise<clusterctl.control.Empty>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#getUnlockKey}.
             * @memberof clusterctl.control.Control
             * @typedef GetUnlockKeyCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.GetUnlockKeyResponse} [response] GetUnlockKeyResponse
             */

            /**
             * Calls GetUnlockKey.
             * @function getUnlockKey
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetUnlockKeyRequest} request GetUnlockKeyRequest message or plain object
             * @param {clusterctl.control.Control.GetUnlockKeyCallback} callback Node-style callback called with the error, if any, and GetUnlockKeyResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getUnlockKey = function getUnlockKey(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getUnlockKey, $root.clusterctl.control.GetUnlockKeyRequest, $root.clusterctl.control.GetUnlockKeyResponse, request, callback);
            }, "name", { value: "GetUnlockKey" });

            /**
             * Calls GetUnlockKey.
             * @function getUnlockKey
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IGetUnlockKeyRequest} request GetUnlockKeyRequest message or plain object
             * @returns {Promise<clusterctl.control.GetUnlockKeyResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.control.Control#getManagerReachability}.
             * @memberof clusterctl.control.Control
             * @typedef GetManagerReachabilityCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.control.ManagerReachabilityResponse} [response] ManagerReachabilityResponse
             */

            /**
             * Calls GetManagerReachability.
             * @function getManagerReachability
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IEmpty} request Empty message or plain object
             * @param {clusterctl.control.Control.GetManagerReachabilityCallback} callback Node-style callback called with the error, if any, and ManagerReachabilityResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Control.prototype.getManagerReachability = function getManagerReachability(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getManagerReachability, $root.clusterctl.control.Empty, $root.clusterctl.control.ManagerReachabilityResponse, request, callback);
            }, "name", { value: "GetManagerReachability" });

            /**
             * Calls GetManagerReachability.
             * @function getManagerReachability
             * @memberof clusterctl.control.Control
             * @instance
             * @param {clusterctl.control.IEmpty} request Empty message or plain object
             * @returns {Promise<clusterctl.control.ManagerReachabilityResponse>} Promise
             * @variation 2
             */

            return Control;
        })();

        return control;
    })();

    clusterctl.dispatcher = (function() {

        /**
         * Namespace dispatcher.
         * @memberof clusterctl
         * @namespace
         */
        var dispatcher = {};

        dispatcher.NodeDescription = (function() {

            /**
             * Properties of a NodeDescription.
             * @memberof clusterctl.dispatcher
             * @interface INodeDescription
             * @property {string|null} [hostname] NodeDescription hostname
             * @property {clusterctl.cluster.IResources|null} [resources] NodeDescription resources
             * @property {Object.<string,string>|null} [engineLabels] NodeDescription engineLabels
             * @property {string|null} [os] NodeDescription os
             * @property {string|null} [arch] NodeDescription arch
             * @property {string|null} [addr] NodeDescription addr
             * @property {clusterctl.cluster.INetworkCapabilities|null} [network] NodeDescription network
             */

            /**
             * Constructs a new NodeDescription.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a NodeDescription.
             * @implements INodeDescription
             * @constructor
             * @param {clusterctl.dispatcher.INodeDescription=} [properties] Properties to set
             */
            function NodeDescription(properties) {
                this.engineLabels = {};
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NodeDescription hostname.
             * @member {string} hostname
             * @memberof clusterctl.dispatcher.NodeDescription
             * @instance
             */
            NodeDescription.prototype.hostname = "";

            /**
             * NodeDescription resources.
             * @member {clusterctl.cluster.IResources|null|undefined} resources
             * @memberof clusterctl.dispatcher.NodeDescription
             * @instance
             */
            NodeDescription.prototype.resources = null;

            /**
             * NodeDescription engineLabels.
             * @member {Object.<string,string>} engineLabels
             * @memberof clusterctl.dispatcher.NodeDescription
             * @instance
             */
            NodeDescription.prototype.engineLabels = $util.emptyObject;

            /**
             * NodeDescription os.
             * @member {string} os
             * @memberof clusterctl.dispatcher.NodeDescription
             * @instance
             */
            NodeDescription.prototype.os = "";

            /**
             * NodeDescription arch.
             * @member {string} arch
             * @memberof clusterctl.dispatcher.NodeDescription
             * @instance
             */
            NodeDescription.prototype.arch = "";

            /**
             * NodeDescription addr.
             * @member {string} addr
             * @memberof clusterctl.dispatcher.NodeDescription
             * @instance
             */
            NodeDescription.prototype.addr = "";

            /**
             * NodeDescription network.
             * @member {clusterctl.cluster.INetworkCapabilities|null|undefined} network
             * @memberof clusterctl.dispatcher.NodeDescription
             * @instance
             */
            NodeDescription.prototype.network = null;

            /**
             * Encodes the specified NodeDescription message. Does not implicitly {@link clusterctl.dispatcher.NodeDescription.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.NodeDescription
             * @static
             * @param {clusterctl.dispatcher.INodeDescription} message NodeDescription message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NodeDescription.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.hostname);
                if (message.resources != null && Object.hasOwnProperty.call(message, "resources"))
                    $root.clusterctl.cluster.Resources.encode(message.resources, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.engineLabels != null && Object.hasOwnProperty.call(message, "engineLabels"))
                    for (var keys = Object.keys(message.engineLabels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.engineLabels[keys[i]]).ldelim();
                if (message.os != null && Object.hasOwnProperty.call(message, "os"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.os);
                if (message.arch != null && Object.hasOwnProperty.call(message, "arch"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.arch);
                if (message.addr != null && Object.hasOwnProperty.call(message, "addr"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.addr);
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    $root.clusterctl.cluster.NetworkCapabilities.encode(message.network, writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a NodeDescription message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.NodeDescription
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.NodeDescription} NodeDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NodeDescription.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.NodeDescription();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 2: {
                            message.resources = $root.clusterctl.cluster.Resources.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            if (message.engineLabels === $util.emptyObject)
                                message.engineLabels = {};
                            var end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.engineLabels, key);
                            message.engineLabels[key] = value;
                            break;
                        }
                    case 4: {
                            message.os = reader.string();
                            break;
                        }
                    case 5: {
                            message.arch = reader.string();
                            break;
                        }
                    case 6: {
                            message.addr = reader.string();
                            break;
                        }
                    case 7: {
                            message.network = $root.clusterctl.cluster.NetworkCapabilities.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NodeDescription;
        })();

        dispatcher.SessionRequest = (function() {

            /**
             * Properties of a SessionRequest.
             * @memberof clusterctl.dispatcher
             * @interface ISessionRequest
             * @property {clusterctl.dispatcher.INodeDescription|null} [description] SessionRequest description
             */

            /**
             * Constructs a new SessionRequest.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a SessionRequest.
             * @implements ISessionRequest
             * @constructor
             * @param {clusterctl.dispatcher.ISessionRequest=} [properties] Properties to set
             */
            function SessionRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SessionRequest description.
             * @member {clusterctl.dispatcher.INodeDescription|null|undefined} description
             * @memberof clusterctl.dispatcher.SessionRequest
             * @instance
             */
            SessionRequest.prototype.description = null;

            /**
             * Encodes the specified SessionRequest message. Does not implicitly {@link clusterctl.dispatcher.SessionRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.SessionRequest
             * @static
             * @param {clusterctl.dispatcher.ISessionRequest} message SessionRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.description != null && Object.hasOwnProperty.call(message, "description"))
                    $root.clusterctl.dispatcher.NodeDescription.encode(message.description, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a SessionRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.SessionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.SessionRequest} SessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.SessionRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.description = $root.clusterctl.dispatcher.NodeDescription.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return SessionRequest;
        })();

        dispatcher.WeightedManager = (function() {

            /**
             * Properties of a WeightedManager.
             * @memberof clusterctl.dispatcher
             * @interface IWeightedManager
             * @property {string|null} [nodeId] WeightedManager nodeId
             * @property {string|null} [addr] WeightedManager addr
             * @property {boolean|null} [leader] WeightedManager leader
             */

            /**
             * Constructs a new WeightedManager.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a WeightedManager.
             * @implements IWeightedManager
             * @constructor
             * @param {clusterctl.dispatcher.IWeightedManager=} [properties] Properties to set
             */
            function WeightedManager(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * WeightedManager nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.dispatcher.WeightedManager
             * @instance
             */
            WeightedManager.prototype.nodeId = "";

            /**
             * WeightedManager addr.
             * @member {string} addr
             * @memberof clusterctl.dispatcher.WeightedManager
             * @instance
             */
            WeightedManager.prototype.addr = "";

            /**
             * WeightedManager leader.
             * @member {boolean} leader
             * @memberof clusterctl.dispatcher.WeightedManager
             * @instance
             */
            WeightedManager.prototype.leader = false;

            /**
             * Encodes the specified WeightedManager message. Does not implicitly {@link clusterctl.dispatcher.WeightedManager.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.WeightedManager
             * @static
             * @param {clusterctl.dispatcher.IWeightedManager} message WeightedManager message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WeightedManager.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.nodeId);
                if (message.addr != null && Object.hasOwnProperty.call(message, "addr"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.addr);
                if (message.leader != null && Object.hasOwnProperty.call(message, "leader"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.leader);
                return writer;
            };

            /**
             * Decodes a WeightedManager message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.WeightedManager
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.WeightedManager} WeightedManager
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WeightedManager.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.WeightedManager();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 2: {
                            message.addr = reader.string();
                            break;
                        }
                    case 3: {
                            message.leader = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return WeightedManager;
        })();

        dispatcher.SessionMessage = (function() {

            /**
             * Properties of a SessionMessage.
             * @memberof clusterctl.dispatcher
             * @interface ISessionMessage
             * @property {string|null} [sessionId] SessionMessage sessionId
             * @property {number|null} [heartbeatPeriodMs] SessionMessage heartbeatPeriodMs
             * @property {Array.<clusterctl.dispatcher.IWeightedManager>|null} [managers] SessionMessage managers
             * @property {string|null} [leaderAddr] SessionMessage leaderAddr
             */

            /**
             * Constructs a new SessionMessage.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a SessionMessage.
             * @implements ISessionMessage
             * @constructor
             * @param {clusterctl.dispatcher.ISessionMessage=} [properties] Properties to set
             */
            function SessionMessage(properties) {
                this.managers = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SessionMessage sessionId.
             * @member {string} sessionId
             * @memberof clusterctl.dispatcher.SessionMessage
             * @instance
             */
            SessionMessage.prototype.sessionId = "";

            /**
             * SessionMessage heartbeatPeriodMs.
             * @member {number} heartbeatPeriodMs
             * @memberof clusterctl.dispatcher.SessionMessage
             * @instance
             */
            SessionMessage.prototype.heartbeatPeriodMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SessionMessage managers.
             * @member {Array.<clusterctl.dispatcher.IWeightedManager>} managers
             * @memberof clusterctl.dispatcher.SessionMessage
             * @instance
             */
            SessionMessage.prototype.managers = $util.emptyArray;

            /**
             * SessionMessage leaderAddr.
             * @member {string} leaderAddr
             * @memberof clusterctl.dispatcher.SessionMessage
             * @instance
             */
            SessionMessage.prototype.leaderAddr = "";

            /**
             * Encodes the specified SessionMessage message. Does not implicitly {@link clusterctl.dispatcher.SessionMessage.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.SessionMessage
             * @static
             * @param {clusterctl.dispatcher.ISessionMessage} message SessionMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionMessage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.sessionId != null && Object.hasOwnProperty.call(message, "sessionId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.heartbeatPeriodMs != null && Object.hasOwnProperty.call(message, "heartbeatPeriodMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.heartbeatPeriodMs);
                if (message.managers != null && message.managers.length)
                    for (var i = 0; i < message.managers.length; ++i)
                        $root.clusterctl.dispatcher.WeightedManager.encode(message.managers[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.leaderAddr != null && Object.hasOwnProperty.call(message, "leaderAddr"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.leaderAddr);
                return writer;
            };

            /**
             * Decodes a SessionMessage message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.SessionMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.SessionMessage} SessionMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionMessage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.SessionMessage();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.sessionId = reader.string();
                            break;
                        }
                    case 2: {
                            message.heartbeatPeriodMs = reader.uint64();
                            break;
                        }
                    case 3: {
                            if (!(message.managers && message.managers.length))
                                message.managers = [];
                            message.managers.push($root.clusterctl.dispatcher.WeightedManager.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 4: {
                            message.leaderAddr = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return SessionMessage;
        })();

        dispatcher.HeartbeatRequest = (function() {

            /**
             * Properties of a HeartbeatRequest.
             * @memberof clusterctl.dispatcher
             * @interface IHeartbeatRequest
             * @property {string|null} [sessionId] HeartbeatRequest sessionId
             * @property {boolean|null} [closing] HeartbeatRequest closing
             * @property {string|null} [certRootDigest] HeartbeatRequest certRootDigest
             */

            /**
             * Constructs a new HeartbeatRequest.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a HeartbeatRequest.
             * @implements IHeartbeatRequest
             * @constructor
             * @param {clusterctl.dispatcher.IHeartbeatRequest=} [properties] Properties to set
             */
            function HeartbeatRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * HeartbeatRequest sessionId.
             * @member {string} sessionId
             * @memberof clusterctl.dispatcher.HeartbeatRequest
             * @instance
             */
            HeartbeatRequest.prototype.sessionId = "";

            /**
             * HeartbeatRequest closing.
             * @member {boolean} closing
             * @memberof clusterctl.dispatcher.HeartbeatRequest
             * @instance
             */
            HeartbeatRequest.prototype.closing = false;

            /**
             * HeartbeatRequest certRootDigest.
             * @member {string} certRootDigest
             * @memberof clusterctl.dispatcher.HeartbeatRequest
             * @instance
             */
            HeartbeatRequest.prototype.certRootDigest = "";

            /**
             * Encodes the specified HeartbeatRequest message. Does not implicitly {@link clusterctl.dispatcher.HeartbeatRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.HeartbeatRequest
             * @static
             * @param {clusterctl.dispatcher.IHeartbeatRequest} message HeartbeatRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HeartbeatRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.sessionId != null && Object.hasOwnProperty.call(message, "sessionId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.closing != null && Object.hasOwnProperty.call(message, "closing"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.closing);
                if (message.certRootDigest != null && Object.hasOwnProperty.call(message, "certRootDigest"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.certRootDigest);
                return writer;
            };

            /**
             * Decodes a HeartbeatRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.HeartbeatRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.HeartbeatRequest} HeartbeatRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HeartbeatRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.HeartbeatRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.sessionId = reader.string();
                            break;
                        }
                    case 2: {
                            message.closing = reader.bool();
                            break;
                        }
                    case 3: {
                            message.certRootDigest = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return HeartbeatRequest;
        })();

        dispatcher.HeartbeatResponse = (function() {

            /**
             * Properties of a HeartbeatResponse.
             * @memberof clusterctl.dispatcher
             * @interface IHeartbeatResponse
             * @property {number|null} [periodMs] HeartbeatResponse periodMs
             * @property {string|null} [trustDigest] HeartbeatResponse trustDigest
             */

            /**
             * Constructs a new HeartbeatResponse.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a HeartbeatResponse.
             * @implements IHeartbeatResponse
             * @constructor
             * @param {clusterctl.dispatcher.IHeartbeatResponse=} [properties] Properties to set
             */
            function HeartbeatResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * HeartbeatResponse periodMs.
             * @member {number} periodMs
             * @memberof clusterctl.dispatcher.HeartbeatResponse
             * @instance
             */
            HeartbeatResponse.prototype.periodMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HeartbeatResponse trustDigest.
             * @member {string} trustDigest
             * @memberof clusterctl.dispatcher.HeartbeatResponse
             * @instance
             */
            HeartbeatResponse.prototype.trustDigest = "";

            /**
             * Encodes the specified HeartbeatResponse message. Does not implicitly {@link clusterctl.dispatcher.HeartbeatResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.HeartbeatResponse
             * @static
             * @param {clusterctl.dispatcher.IHeartbeatResponse} message HeartbeatResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HeartbeatResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.periodMs != null && Object.hasOwnProperty.call(message, "periodMs"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.periodMs);
                if (message.trustDigest != null && Object.hasOwnProperty.call(message, "trustDigest"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.trustDigest);
                return writer;
            };

            /**
             * Decodes a HeartbeatResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.HeartbeatResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.HeartbeatResponse} HeartbeatResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HeartbeatResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.HeartbeatResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.periodMs = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.trustDigest = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return HeartbeatResponse;
        })();

        dispatcher.AssignmentsRequest = (function() {

            /**
             * Properties of an AssignmentsRequest.
             * @memberof clusterctl.dispatcher
             * @interface IAssignmentsRequest
             * @property {string|null} [sessionId] AssignmentsRequest sessionId
             */

            /**
             * Constructs a new AssignmentsRequest.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents an AssignmentsRequest.
             * @implements IAssignmentsRequest
             * @constructor
             * @param {clusterctl.dispatcher.IAssignmentsRequest=} [properties] Properties to set
             */
            function AssignmentsRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AssignmentsRequest sessionId.
             * @member {string} sessionId
             * @memberof clusterctl.dispatcher.AssignmentsRequest
             * @instance
             */
            AssignmentsRequest.prototype.sessionId = "";

            /**
             * Encodes the specified AssignmentsRequest message. Does not implicitly {@link clusterctl.dispatcher.AssignmentsRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.AssignmentsRequest
             * @static
             * @param {clusterctl.dispatcher.IAssignmentsRequest} message AssignmentsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AssignmentsRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.sessionId != null && Object.hasOwnProperty.call(message, "sessionId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                return writer;
            };

            /**
             * Decodes an AssignmentsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.AssignmentsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.AssignmentsRequest} AssignmentsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AssignmentsRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.AssignmentsRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.sessionId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return AssignmentsRequest;
        })();

        dispatcher.AssignmentsMessage = (function() {

            /**
             * Properties of an AssignmentsMessage.
             * @memberof clusterctl.dispatcher
             * @interface IAssignmentsMessage
             * @property {clusterctl.dispatcher.AssignmentsMessage.Type|null} [type] AssignmentsMessage type
             * @property {number|null} [sequence] AssignmentsMessage sequence
             * @property {Array.<clusterctl.cluster.ITask>|null} [update] AssignmentsMessage update
             * @property {Array.<string>|null} [remove] AssignmentsMessage remove
             */

            /**
             * Constructs a new AssignmentsMessage.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents an AssignmentsMessage.
             * @implements IAssignmentsMessage
             * @constructor
             * @param {clusterctl.dispatcher.IAssignmentsMessage=} [properties] Properties to set
             */
            function AssignmentsMessage(properties) {
                this.update = [];
                this.remove = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AssignmentsMessage type.
             * @member {clusterctl.dispatcher.AssignmentsMessage.Type} type
             * @memberof clusterctl.dispatcher.AssignmentsMessage
             * @instance
             */
            AssignmentsMessage.prototype.type = 0;

            /**
             * AssignmentsMessage sequence.
             * @member {number} sequence
             * @memberof clusterctl.dispatcher.AssignmentsMessage
             * @instance
             */
            AssignmentsMessage.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AssignmentsMessage update.
             * @member {Array.<clusterctl.cluster.ITask>} update
             * @memberof clusterctl.dispatcher.AssignmentsMessage
             * @instance
             */
            AssignmentsMessage.prototype.update = $util.emptyArray;

            /**
             * AssignmentsMessage remove.
             * @member {Array.<string>} remove
             * @memberof clusterctl.dispatcher.AssignmentsMessage
             * @instance
             */
            AssignmentsMessage.prototype.remove = $util.emptyArray;

            /**
             * Encodes the specified AssignmentsMessage message. Does not implicitly {@link clusterctl.dispatcher.AssignmentsMessage.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.AssignmentsMessage
             * @static
             * @param {clusterctl.dispatcher.IAssignmentsMessage} message AssignmentsMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AssignmentsMessage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
                if (message.sequence != null && Object.hasOwnProperty.call(message, "sequence"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.sequence);
                if (message.update != null && message.update.length)
                    for (var i = 0; i < message.update.length; ++i)
                        $root.clusterctl.cluster.Task.encode(message.update[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.remove != null && message.remove.length)
                    for (var i = 0; i < message.remove.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.remove[i]);
                return writer;
            };

            /**
             * Decodes an AssignmentsMessage message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.AssignmentsMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.AssignmentsMessage} AssignmentsMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AssignmentsMessage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.AssignmentsMessage();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.type = reader.int32();
                            break;
                        }
                    case 2: {
                            message.sequence = reader.uint64();
                            break;
                        }
                    case 3: {
                            if (!(message.update && message.update.length))
                                message.update = [];
                            message.update.push($root.clusterctl.cluster.Task.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 4: {
                            if (!(message.remove && message.remove.length))
                                message.remove = [];
                            message.remove.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Type enum.
             * @name clusterctl.dispatcher.AssignmentsMessage.Type
             * @enum {number}
             * @property {number} COMPLETE=0 COMPLETE value
             * @property {number} INCREMENTAL=1 INCREMENTAL value
             */
            AssignmentsMessage.Type = (function() {
                var valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "COMPLETE"] = 0;
                values[valuesById[1] = "INCREMENTAL"] = 1;
                return values;
            })();

            return AssignmentsMessage;
        })();

        dispatcher.TaskStatusUpdate = (function() {

            /**
             * Properties of a TaskStatusUpdate.
             * @memberof clusterctl.dispatcher
             * @interface ITaskStatusUpdate
             * @property {string|null} [taskId] TaskStatusUpdate taskId
             * @property {clusterctl.cluster.ITaskStatus|null} [status] TaskStatusUpdate status
             */

            /**
             * Constructs a new TaskStatusUpdate.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a TaskStatusUpdate.
             * @implements ITaskStatusUpdate
             * @constructor
             * @param {clusterctl.dispatcher.ITaskStatusUpdate=} [properties] Properties to set
             */
            function TaskStatusUpdate(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskStatusUpdate taskId.
             * @member {string} taskId
             * @memberof clusterctl.dispatcher.TaskStatusUpdate
             * @instance
             */
            TaskStatusUpdate.prototype.taskId = "";

            /**
             * TaskStatusUpdate status.
             * @member {clusterctl.cluster.ITaskStatus|null|undefined} status
             * @memberof clusterctl.dispatcher.TaskStatusUpdate
             * @instance
             */
            TaskStatusUpdate.prototype.status = null;

            /**
             * Encodes the specified TaskStatusUpdate message. Does not implicitly {@link clusterctl.dispatcher.TaskStatusUpdate.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.TaskStatusUpdate
             * @static
             * @param {clusterctl.dispatcher.ITaskStatusUpdate} message TaskStatusUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskStatusUpdate.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    $root.clusterctl.cluster.TaskStatus.encode(message.status, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a TaskStatusUpdate message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.TaskStatusUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.TaskStatusUpdate} TaskStatusUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskStatusUpdate.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.TaskStatusUpdate();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.status = $root.clusterctl.cluster.TaskStatus.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return TaskStatusUpdate;
        })();

        dispatcher.UpdateTaskStatusRequest = (function() {

            /**
             * Properties of an UpdateTaskStatusRequest.
             * @memberof clusterctl.dispatcher
             * @interface IUpdateTaskStatusRequest
             * @property {string|null} [sessionId] UpdateTaskStatusRequest sessionId
             * @property {Array.<clusterctl.dispatcher.ITaskStatusUpdate>|null} [updates] UpdateTaskStatusRequest updates
             */

            /**
             * Constructs a new UpdateTaskStatusRequest.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents an UpdateTaskStatusRequest.
             * @implements IUpdateTaskStatusRequest
             * @constructor
             * @param {clusterctl.dispatcher.IUpdateTaskStatusRequest=} [properties] Properties to set
             */
            function UpdateTaskStatusRequest(properties) {
                this.updates = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UpdateTaskStatusRequest sessionId.
             * @member {string} sessionId
             * @memberof clusterctl.dispatcher.UpdateTaskStatusRequest
             * @instance
             */
            UpdateTaskStatusRequest.prototype.sessionId = "";

            /**
             * UpdateTaskStatusRequest updates.
             * @member {Array.<clusterctl.dispatcher.ITaskStatusUpdate>} updates
             * @memberof clusterctl.dispatcher.UpdateTaskStatusRequest
             * @instance
             */
            UpdateTaskStatusRequest.prototype.updates = $util.emptyArray;

            /**
             * Encodes the specified UpdateTaskStatusRequest message. Does not implicitly {@link clusterctl.dispatcher.UpdateTaskStatusRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.UpdateTaskStatusRequest
             * @static
             * @param {clusterctl.dispatcher.IUpdateTaskStatusRequest} message UpdateTaskStatusRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateTaskStatusRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.sessionId != null && Object.hasOwnProperty.call(message, "sessionId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.updates != null && message.updates.length)
                    for (var i = 0; i < message.updates.length; ++i)
                        $root.clusterctl.dispatcher.TaskStatusUpdate.encode(message.updates[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an UpdateTaskStatusRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.UpdateTaskStatusRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.UpdateTaskStatusRequest} UpdateTaskStatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateTaskStatusRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.UpdateTaskStatusRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.sessionId = reader.string();
                            break;
                        }
                    case 2: {
                            if (!(message.updates && message.updates.length))
                                message.updates = [];
                            message.updates.push($root.clusterctl.dispatcher.TaskStatusUpdate.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UpdateTaskStatusRequest;
        })();

        dispatcher.UpdateTaskStatusResponse = (function() {

            /**
             * Properties of an UpdateTaskStatusResponse.
             * @memberof clusterctl.dispatcher
             * @interface IUpdateTaskStatusResponse
             */

            /**
             * Constructs a new UpdateTaskStatusResponse.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents an UpdateTaskStatusResponse.
             * @implements IUpdateTaskStatusResponse
             * @constructor
             * @param {clusterctl.dispatcher.IUpdateTaskStatusResponse=} [properties] Properties to set
             */
            function UpdateTaskStatusResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified UpdateTaskStatusResponse message. Does not implicitly {@link clusterctl.dispatcher.UpdateTaskStatusResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.UpdateTaskStatusResponse
             * @static
             * @param {clusterctl.dispatcher.IUpdateTaskStatusResponse} message UpdateTaskStatusResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateTaskStatusResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes an UpdateTaskStatusResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.UpdateTaskStatusResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.UpdateTaskStatusResponse} UpdateTaskStatusResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateTaskStatusResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.UpdateTaskStatusResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UpdateTaskStatusResponse;
        })();

        dispatcher.LogSubscription = (function() {

            /**
             * Properties of a LogSubscription.
             * @memberof clusterctl.dispatcher
             * @interface ILogSubscription
             * @property {string|null} [id] LogSubscription id
             * @property {Array.<string>|null} [taskIds] LogSubscription taskIds
             * @property {boolean|null} [follow] LogSubscription follow
             * @property {number|null} [tail] LogSubscription tail
             * @property {boolean|null} [close] LogSubscription close
             */

            /**
             * Constructs a new LogSubscription.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a LogSubscription.
             * @implements ILogSubscription
             * @constructor
             * @param {clusterctl.dispatcher.ILogSubscription=} [properties] Properties to set
             */
            function LogSubscription(properties) {
                this.taskIds = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LogSubscription id.
             * @member {string} id
             * @memberof clusterctl.dispatcher.LogSubscription
             * @instance
             */
            LogSubscription.prototype.id = "";

            /**
             * LogSubscription taskIds.
             * @member {Array.<string>} taskIds
             * @memberof clusterctl.dispatcher.LogSubscription
             * @instance
             */
            LogSubscription.prototype.taskIds = $util.emptyArray;

            /**
             * LogSubscription follow.
             * @member {boolean} follow
             * @memberof clusterctl.dispatcher.LogSubscription
             * @instance
             */
            LogSubscription.prototype.follow = false;

            /**
             * LogSubscription tail.
             * @member {number} tail
             * @memberof clusterctl.dispatcher.LogSubscription
             * @instance
             */
            LogSubscription.prototype.tail = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LogSubscription close.
             * @member {boolean} close
             * @memberof clusterctl.dispatcher.LogSubscription
             * @instance
             */
            LogSubscription.prototype.close = false;

            /**
             * Encodes the specified LogSubscription message. Does not implicitly {@link clusterctl.dispatcher.LogSubscription.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.LogSubscription
             * @static
             * @param {clusterctl.dispatcher.ILogSubscription} message LogSubscription message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogSubscription.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.taskIds != null && message.taskIds.length)
                    for (var i = 0; i < message.taskIds.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.taskIds[i]);
                if (message.follow != null && Object.hasOwnProperty.call(message, "follow"))
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.follow);
                if (message.tail != null && Object.hasOwnProperty.call(message, "tail"))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.tail);
                if (message.close != null && Object.hasOwnProperty.call(message, "close"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.close);
                return writer;
            };

            /**
             * Decodes a LogSubscription message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.LogSubscription
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.LogSubscription} LogSubscription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogSubscription.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.LogSubscription();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            if (!(message.taskIds && message.taskIds.length))
                                message.taskIds = [];
                            message.taskIds.push(reader.string());
                            break;
                        }
                    case 3: {
                            message.follow = reader.bool();
                            break;
                        }
                    case 4: {
                            message.tail = reader.int64();
                            break;
                        }
                    case 5: {
                            message.close = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return LogSubscription;
        })();

        dispatcher.LogSubscriptionsRequest = (function() {

            /**
             * Properties of a LogSubscriptionsRequest.
             * @memberof clusterctl.dispatcher
             * @interface ILogSubscriptionsRequest
             * @property {string|null} [sessionId] LogSubscriptionsRequest sessionId
             */

            /**
             * Constructs a new LogSubscriptionsRequest.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a LogSubscriptionsRequest.
             * @implements ILogSubscriptionsRequest
             * @constructor
             * @param {clusterctl.dispatcher.ILogSubscriptionsRequest=} [properties] Properties to set
             */
            function LogSubscriptionsRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LogSubscriptionsRequest sessionId.
             * @member {string} sessionId
             * @memberof clusterctl.dispatcher.LogSubscriptionsRequest
             * @instance
             */
            LogSubscriptionsRequest.prototype.sessionId = "";

            /**
             * Encodes the specified LogSubscriptionsRequest message. Does not implicitly {@link clusterctl.dispatcher.LogSubscriptionsRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.LogSubscriptionsRequest
             * @static
             * @param {clusterctl.dispatcher.ILogSubscriptionsRequest} message LogSubscriptionsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogSubscriptionsRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.sessionId != null && Object.hasOwnProperty.call(message, "sessionId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                return writer;
            };

            /**
             * Decodes a LogSubscriptionsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.LogSubscriptionsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.LogSubscriptionsRequest} LogSubscriptionsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogSubscriptionsRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.LogSubscriptionsRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.sessionId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return LogSubscriptionsRequest;
        })();

        dispatcher.LogChunk = (function() {

            /**
             * Properties of a LogChunk.
             * @memberof clusterctl.dispatcher
             * @interface ILogChunk
             * @property {string|null} [taskId] LogChunk taskId
             * @property {string|null} [stream] LogChunk stream
             * @property {number|null} [timestamp] LogChunk timestamp
             * @property {Uint8Array|null} [line] LogChunk line
             */

            /**
             * Constructs a new LogChunk.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a LogChunk.
             * @implements ILogChunk
             * @constructor
             * @param {clusterctl.dispatcher.ILogChunk=} [properties] Properties to set
             */
            function LogChunk(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LogChunk taskId.
             * @member {string} taskId
             * @memberof clusterctl.dispatcher.LogChunk
             * @instance
             */
            LogChunk.prototype.taskId = "";

            /**
             * LogChunk stream.
             * @member {string} stream
             * @memberof clusterctl.dispatcher.LogChunk
             * @instance
             */
            LogChunk.prototype.stream = "";

            /**
             * LogChunk timestamp.
             * @member {number} timestamp
             * @memberof clusterctl.dispatcher.LogChunk
             * @instance
             */
            LogChunk.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogChunk line.
             * @member {Uint8Array} line
             * @memberof clusterctl.dispatcher.LogChunk
             * @instance
             */
            LogChunk.prototype.line = $util.newBuffer([]);

            /**
             * Encodes the specified LogChunk message. Does not implicitly {@link clusterctl.dispatcher.LogChunk.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.LogChunk
             * @static
             * @param {clusterctl.dispatcher.ILogChunk} message LogChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogChunk.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.stream);
                if (message.timestamp != null && Object.hasOwnProperty.call(message, "timestamp"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.timestamp);
                if (message.line != null && Object.hasOwnProperty.call(message, "line"))
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.line);
                return writer;
            };

            /**
             * Decodes a LogChunk message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.LogChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.LogChunk} LogChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogChunk.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.LogChunk();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.stream = reader.string();
                            break;
                        }
                    case 3: {
                            message.timestamp = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.line = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return LogChunk;
        })();

        dispatcher.PublishLogsMessage = (function() {

            /**
             * Properties of a PublishLogsMessage.
             * @memberof clusterctl.dispatcher
             * @interface IPublishLogsMessage
             * @property {string|null} [sessionId] PublishLogsMessage sessionId
             * @property {string|null} [subscriptionId] PublishLogsMessage subscriptionId
             * @property {Array.<clusterctl.dispatcher.ILogChunk>|null} [lines] PublishLogsMessage lines
             * @property {boolean|null} [close] PublishLogsMessage close
             */

            /**
             * Constructs a new PublishLogsMessage.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a PublishLogsMessage.
             * @implements IPublishLogsMessage
             * @constructor
             * @param {clusterctl.dispatcher.IPublishLogsMessage=} [properties] Properties to set
             */
            function PublishLogsMessage(properties) {
                this.lines = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PublishLogsMessage sessionId.
             * @member {string} sessionId
             * @memberof clusterctl.dispatcher.PublishLogsMessage
             * @instance
             */
            PublishLogsMessage.prototype.sessionId = "";

            /**
             * PublishLogsMessage subscriptionId.
             * @member {string} subscriptionId
             * @memberof clusterctl.dispatcher.PublishLogsMessage
             * @instance
             */
            PublishLogsMessage.prototype.subscriptionId = "";

            /**
             * PublishLogsMessage lines.
             * @member {Array.<clusterctl.dispatcher.ILogChunk>} lines
             * @memberof clusterctl.dispatcher.PublishLogsMessage
             * @instance
             */
            PublishLogsMessage.prototype.lines = $util.emptyArray;

            /**
             * PublishLogsMessage close.
             * @member {boolean} close
             * @memberof clusterctl.dispatcher.PublishLogsMessage
             * @instance
             */
            PublishLogsMessage.prototype.close = false;

            /**
             * Encodes the specified PublishLogsMessage message. Does not implicitly {@link clusterctl.dispatcher.PublishLogsMessage.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.PublishLogsMessage
             * @static
             * @param {clusterctl.dispatcher.IPublishLogsMessage} message PublishLogsMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublishLogsMessage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.sessionId != null && Object.hasOwnProperty.call(message, "sessionId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.subscriptionId);
                if (message.lines != null && message.lines.length)
                    for (var i = 0; i < message.lines.length; ++i)
                        $root.clusterctl.dispatcher.LogChunk.encode(message.lines[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.close != null && Object.hasOwnProperty.call(message, "close"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.close);
                return writer;
            };

            /**
             * Decodes a PublishLogsMessage message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.PublishLogsMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.PublishLogsMessage} PublishLogsMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublishLogsMessage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.PublishLogsMessage();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.sessionId = reader.string();
                            break;
                        }
                    case 2: {
                            message.subscriptionId = reader.string();
                            break;
                        }
                    case 3: {
                            if (!(message.lines && message.lines.length))
                                message.lines = [];
                            message.lines.push($root.clusterctl.dispatcher.LogChunk.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 4: {
                            message.close = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return PublishLogsMessage;
        })();

        dispatcher.PublishLogsResponse = (function() {

            /**
             * Properties of a PublishLogsResponse.
             * @memberof clusterctl.dispatcher
             * @interface IPublishLogsResponse
             */

            /**
             * Constructs a new PublishLogsResponse.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a PublishLogsResponse.
             * @implements IPublishLogsResponse
             * @constructor
             * @param {clusterctl.dispatcher.IPublishLogsResponse=} [properties] Properties to set
             */
            function PublishLogsResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified PublishLogsResponse message. Does not implicitly {@link clusterctl.dispatcher.PublishLogsResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.PublishLogsResponse
             * @static
             * @param {clusterctl.dispatcher.IPublishLogsResponse} message PublishLogsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublishLogsResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes a PublishLogsResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.PublishLogsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.PublishLogsResponse} PublishLogsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublishLogsResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.PublishLogsResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return PublishLogsResponse;
        })();

        dispatcher.NetworkMapRequest = (function() {

            /**
             * Properties of a NetworkMapRequest.
             * @memberof clusterctl.dispatcher
             * @interface INetworkMapRequest
             * @property {string|null} [sessionId] NetworkMapRequest sessionId
             */

            /**
             * Constructs a new NetworkMapRequest.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a NetworkMapRequest.
             * @implements INetworkMapRequest
             * @constructor
             * @param {clusterctl.dispatcher.INetworkMapRequest=} [properties] Properties to set
             */
            function NetworkMapRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkMapRequest sessionId.
             * @member {string} sessionId
             * @memberof clusterctl.dispatcher.NetworkMapRequest
             * @instance
             */
            NetworkMapRequest.prototype.sessionId = "";

            /**
             * Encodes the specified NetworkMapRequest message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.NetworkMapRequest
             * @static
             * @param {clusterctl.dispatcher.INetworkMapRequest} message NetworkMapRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkMapRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.sessionId != null && Object.hasOwnProperty.call(message, "sessionId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                return writer;
            };

            /**
             * Decodes a NetworkMapRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.NetworkMapRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.NetworkMapRequest} NetworkMapRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkMapRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.NetworkMapRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.sessionId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkMapRequest;
        })();

        dispatcher.NetworkMap = (function() {

            /**
             * Properties of a NetworkMap.
             * @memberof clusterctl.dispatcher
             * @interface INetworkMap
             * @property {number|null} [version] NetworkMap version
             * @property {number|null} [term] NetworkMap term
             * @property {string|null} [clusterCidr] NetworkMap clusterCidr
             * @property {string|null} [vipCidr] NetworkMap vipCidr
             * @property {number|null} [mtu] NetworkMap mtu
             * @property {string|null} [backend] NetworkMap backend
             * @property {number|null} [vxlanPort] NetworkMap vxlanPort
             * @property {string|null} [dnsDomain] NetworkMap dnsDomain
             * @property {Array.<clusterctl.dispatcher.INetworkMapNode>|null} [nodes] NetworkMap nodes
             * @property {Array.<clusterctl.dispatcher.INetworkMapNetwork>|null} [networks] NetworkMap networks
             * @property {Array.<clusterctl.dispatcher.INetworkMapService>|null} [services] NetworkMap services
             */

            /**
             * Constructs a new NetworkMap.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a NetworkMap.
             * @implements INetworkMap
             * @constructor
             * @param {clusterctl.dispatcher.INetworkMap=} [properties] Properties to set
             */
            function NetworkMap(properties) {
                this.nodes = [];
                this.networks = [];
                this.services = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkMap version.
             * @member {number} version
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * NetworkMap term.
             * @member {number} term
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * NetworkMap clusterCidr.
             * @member {string} clusterCidr
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.clusterCidr = "";

            /**
             * NetworkMap vipCidr.
             * @member {string} vipCidr
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.vipCidr = "";

            /**
             * NetworkMap mtu.
             * @member {number} mtu
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.mtu = 0;

            /**
             * NetworkMap backend.
             * @member {string} backend
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.backend = "";

            /**
             * NetworkMap vxlanPort.
             * @member {number} vxlanPort
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.vxlanPort = 0;

            /**
             * NetworkMap dnsDomain.
             * @member {string} dnsDomain
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.dnsDomain = "";

            /**
             * NetworkMap nodes.
             * @member {Array.<clusterctl.dispatcher.INetworkMapNode>} nodes
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.nodes = $util.emptyArray;

            /**
             * NetworkMap networks.
             * @member {Array.<clusterctl.dispatcher.INetworkMapNetwork>} networks
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.networks = $util.emptyArray;

            /**
             * NetworkMap services.
             * @member {Array.<clusterctl.dispatcher.INetworkMapService>} services
             * @memberof clusterctl.dispatcher.NetworkMap
             * @instance
             */
            NetworkMap.prototype.services = $util.emptyArray;

            /**
             * Encodes the specified NetworkMap message. Does not implicitly {@link clusterctl.dispatcher.NetworkMap.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.NetworkMap
             * @static
             * @param {clusterctl.dispatcher.INetworkMap} message NetworkMap message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkMap.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                if (message.term != null && Object.hasOwnProperty.call(message, "term"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.term);
                if (message.clusterCidr != null && Object.hasOwnProperty.call(message, "clusterCidr"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.clusterCidr);
                if (message.vipCidr != null && Object.hasOwnProperty.call(message, "vipCidr"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.vipCidr);
                if (message.mtu != null && Object.hasOwnProperty.call(message, "mtu"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.mtu);
                if (message.backend != null && Object.hasOwnProperty.call(message, "backend"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.backend);
                if (message.vxlanPort != null && Object.hasOwnProperty.call(message, "vxlanPort"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.vxlanPort);
                if (message.dnsDomain != null && Object.hasOwnProperty.call(message, "dnsDomain"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.dnsDomain);
                if (message.nodes != null && message.nodes.length)
                    for (var i = 0; i < message.nodes.length; ++i)
                        $root.clusterctl.dispatcher.NetworkMapNode.encode(message.nodes[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (message.networks != null && message.networks.length)
                    for (var i = 0; i < message.networks.length; ++i)
                        $root.clusterctl.dispatcher.NetworkMapNetwork.encode(message.networks[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (message.services != null && message.services.length)
                    for (var i = 0; i < message.services.length; ++i)
                        $root.clusterctl.dispatcher.NetworkMapService.encode(message.services[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a NetworkMap message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.NetworkMap
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.NetworkMap} NetworkMap
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkMap.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.NetworkMap();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.term = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.clusterCidr = reader.string();
                            break;
                        }
                    case 4: {
                            message.vipCidr = reader.string();
                            break;
                        }
                    case 5: {
                            message.mtu = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.backend = reader.string();
                            break;
                        }
                    case 7: {
                            message.vxlanPort = reader.uint32();
                            break;
                        }
                    case 8: {
                            message.dnsDomain = reader.string();
                            break;
                        }
                    case 9: {
                            if (!(message.nodes && message.nodes.length))
                                message.nodes = [];
                            message.nodes.push($root.clusterctl.dispatcher.NetworkMapNode.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 10: {
                            if (!(message.networks && message.networks.length))
                                message.networks = [];
                            message.networks.push($root.clusterctl.dispatcher.NetworkMapNetwork.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 11: {
                            if (!(message.services && message.services.length))
                                message.services = [];
                            message.services.push($root.clusterctl.dispatcher.NetworkMapService.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkMap;
        })();

        dispatcher.NetworkMapNode = (function() {

            /**
             * Properties of a NetworkMapNode.
             * @memberof clusterctl.dispatcher
             * @interface INetworkMapNode
             * @property {string|null} [nodeId] NetworkMapNode nodeId
             * @property {string|null} [addr] NetworkMapNode addr
             * @property {string|null} [subnet] NetworkMapNode subnet
             * @property {number|null} [index] NetworkMapNode index
             * @property {boolean|null} [down] NetworkMapNode down
             * @property {boolean|null} [dataPlane] NetworkMapNode dataPlane
             */

            /**
             * Constructs a new NetworkMapNode.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a NetworkMapNode.
             * @implements INetworkMapNode
             * @constructor
             * @param {clusterctl.dispatcher.INetworkMapNode=} [properties] Properties to set
             */
            function NetworkMapNode(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkMapNode nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.dispatcher.NetworkMapNode
             * @instance
             */
            NetworkMapNode.prototype.nodeId = "";

            /**
             * NetworkMapNode addr.
             * @member {string} addr
             * @memberof clusterctl.dispatcher.NetworkMapNode
             * @instance
             */
            NetworkMapNode.prototype.addr = "";

            /**
             * NetworkMapNode subnet.
             * @member {string} subnet
             * @memberof clusterctl.dispatcher.NetworkMapNode
             * @instance
             */
            NetworkMapNode.prototype.subnet = "";

            /**
             * NetworkMapNode index.
             * @member {number} index
             * @memberof clusterctl.dispatcher.NetworkMapNode
             * @instance
             */
            NetworkMapNode.prototype.index = 0;

            /**
             * NetworkMapNode down.
             * @member {boolean} down
             * @memberof clusterctl.dispatcher.NetworkMapNode
             * @instance
             */
            NetworkMapNode.prototype.down = false;

            /**
             * NetworkMapNode dataPlane.
             * @member {boolean} dataPlane
             * @memberof clusterctl.dispatcher.NetworkMapNode
             * @instance
             */
            NetworkMapNode.prototype.dataPlane = false;

            /**
             * Encodes the specified NetworkMapNode message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapNode.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.NetworkMapNode
             * @static
             * @param {clusterctl.dispatcher.INetworkMapNode} message NetworkMapNode message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkMapNode.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.nodeId);
                if (message.addr != null && Object.hasOwnProperty.call(message, "addr"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.addr);
                if (message.subnet != null && Object.hasOwnProperty.call(message, "subnet"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.subnet);
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.index);
                if (message.down != null && Object.hasOwnProperty.call(message, "down"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.down);
                if (message.dataPlane != null && Object.hasOwnProperty.call(message, "dataPlane"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.dataPlane);
                return writer;
            };

            /**
             * Decodes a NetworkMapNode message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.NetworkMapNode
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.NetworkMapNode} NetworkMapNode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkMapNode.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.NetworkMapNode();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 2: {
                            message.addr = reader.string();
                            break;
                        }
                    case 3: {
                            message.subnet = reader.string();
                            break;
                        }
                    case 4: {
                            message.index = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.down = reader.bool();
                            break;
                        }
                    case 6: {
                            message.dataPlane = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkMapNode;
        })();

        dispatcher.NetworkMapNetwork = (function() {

            /**
             * Properties of a NetworkMapNetwork.
             * @memberof clusterctl.dispatcher
             * @interface INetworkMapNetwork
             * @property {string|null} [id] NetworkMapNetwork id
             * @property {string|null} [name] NetworkMapNetwork name
             */

            /**
             * Constructs a new NetworkMapNetwork.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a NetworkMapNetwork.
             * @implements INetworkMapNetwork
             * @constructor
             * @param {clusterctl.dispatcher.INetworkMapNetwork=} [properties] Properties to set
             */
            function NetworkMapNetwork(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkMapNetwork id.
             * @member {string} id
             * @memberof clusterctl.dispatcher.NetworkMapNetwork
             * @instance
             */
            NetworkMapNetwork.prototype.id = "";

            /**
             * NetworkMapNetwork name.
             * @member {string} name
             * @memberof clusterctl.dispatcher.NetworkMapNetwork
             * @instance
             */
            NetworkMapNetwork.prototype.name = "";

            /**
             * Encodes the specified NetworkMapNetwork message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapNetwork.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.NetworkMapNetwork
             * @static
             * @param {clusterctl.dispatcher.INetworkMapNetwork} message NetworkMapNetwork message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkMapNetwork.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                return writer;
            };

            /**
             * Decodes a NetworkMapNetwork message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.NetworkMapNetwork
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.NetworkMapNetwork} NetworkMapNetwork
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkMapNetwork.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.NetworkMapNetwork();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.name = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkMapNetwork;
        })();

        dispatcher.NetworkMapService = (function() {

            /**
             * Properties of a NetworkMapService.
             * @memberof clusterctl.dispatcher
             * @interface INetworkMapService
             * @property {string|null} [id] NetworkMapService id
             * @property {string|null} [name] NetworkMapService name
             * @property {Array.<string>|null} [aliases] NetworkMapService aliases
             * @property {string|null} [vip] NetworkMapService vip
             * @property {string|null} [endpointMode] NetworkMapService endpointMode
             * @property {Array.<clusterctl.dispatcher.INetworkMapPort>|null} [ports] NetworkMapService ports
             * @property {Array.<clusterctl.dispatcher.INetworkMapEndpoint>|null} [endpoints] NetworkMapService endpoints
             * @property {Array.<string>|null} [networkIds] NetworkMapService networkIds
             */

            /**
             * Constructs a new NetworkMapService.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a NetworkMapService.
             * @implements INetworkMapService
             * @constructor
             * @param {clusterctl.dispatcher.INetworkMapService=} [properties] Properties to set
             */
            function NetworkMapService(properties) {
                this.aliases = [];
                this.ports = [];
                this.endpoints = [];
                this.networkIds = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkMapService id.
             * @member {string} id
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @instance
             */
            NetworkMapService.prototype.id = "";

            /**
             * NetworkMapService name.
             * @member {string} name
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @instance
             */
            NetworkMapService.prototype.name = "";

            /**
             * NetworkMapService aliases.
             * @member {Array.<string>} aliases
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @instance
             */
            NetworkMapService.prototype.aliases = $util.emptyArray;

            /**
             * NetworkMapService vip.
             * @member {string} vip
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @instance
             */
            NetworkMapService.prototype.vip = "";

            /**
             * NetworkMapService endpointMode.
             * @member {string} endpointMode
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @instance
             */
            NetworkMapService.prototype.endpointMode = "";

            /**
             * NetworkMapService ports.
             * @member {Array.<clusterctl.dispatcher.INetworkMapPort>} ports
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @instance
             */
            NetworkMapService.prototype.ports = $util.emptyArray;

            /**
             * NetworkMapService endpoints.
             * @member {Array.<clusterctl.dispatcher.INetworkMapEndpoint>} endpoints
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @instance
             */
            NetworkMapService.prototype.endpoints = $util.emptyArray;

            /**
             * NetworkMapService networkIds.
             * @member {Array.<string>} networkIds
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @instance
             */
            NetworkMapService.prototype.networkIds = $util.emptyArray;

            /**
             * Encodes the specified NetworkMapService message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapService.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @static
             * @param {clusterctl.dispatcher.INetworkMapService} message NetworkMapService message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkMapService.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.aliases != null && message.aliases.length)
                    for (var i = 0; i < message.aliases.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.aliases[i]);
                if (message.vip != null && Object.hasOwnProperty.call(message, "vip"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.vip);
                if (message.endpointMode != null && Object.hasOwnProperty.call(message, "endpointMode"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.endpointMode);
                if (message.ports != null && message.ports.length)
                    for (var i = 0; i < message.ports.length; ++i)
                        $root.clusterctl.dispatcher.NetworkMapPort.encode(message.ports[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (message.endpoints != null && message.endpoints.length)
                    for (var i = 0; i < message.endpoints.length; ++i)
                        $root.clusterctl.dispatcher.NetworkMapEndpoint.encode(message.endpoints[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (message.networkIds != null && message.networkIds.length)
                    for (var i = 0; i < message.networkIds.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.networkIds[i]);
                return writer;
            };

            /**
             * Decodes a NetworkMapService message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.NetworkMapService
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.NetworkMapService} NetworkMapService
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkMapService.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.NetworkMapService();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.name = reader.string();
                            break;
                        }
                    case 3: {
                            if (!(message.aliases && message.aliases.length))
                                message.aliases = [];
                            message.aliases.push(reader.string());
                            break;
                        }
                    case 4: {
                            message.vip = reader.string();
                            break;
                        }
                    case 5: {
                            message.endpointMode = reader.string();
                            break;
                        }
                    case 6: {
                            if (!(message.ports && message.ports.length))
                                message.ports = [];
                            message.ports.push($root.clusterctl.dispatcher.NetworkMapPort.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 7: {
                            if (!(message.endpoints && message.endpoints.length))
                                message.endpoints = [];
                            message.endpoints.push($root.clusterctl.dispatcher.NetworkMapEndpoint.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 8: {
                            if (!(message.networkIds && message.networkIds.length))
                                message.networkIds = [];
                            message.networkIds.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkMapService;
        })();

        dispatcher.NetworkMapPort = (function() {

            /**
             * Properties of a NetworkMapPort.
             * @memberof clusterctl.dispatcher
             * @interface INetworkMapPort
             * @property {number|null} [published] NetworkMapPort published
             * @property {number|null} [target] NetworkMapPort target
             * @property {string|null} [protocol] NetworkMapPort protocol
             * @property {string|null} [mode] NetworkMapPort mode
             */

            /**
             * Constructs a new NetworkMapPort.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a NetworkMapPort.
             * @implements INetworkMapPort
             * @constructor
             * @param {clusterctl.dispatcher.INetworkMapPort=} [properties] Properties to set
             */
            function NetworkMapPort(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkMapPort published.
             * @member {number} published
             * @memberof clusterctl.dispatcher.NetworkMapPort
             * @instance
             */
            NetworkMapPort.prototype.published = 0;

            /**
             * NetworkMapPort target.
             * @member {number} target
             * @memberof clusterctl.dispatcher.NetworkMapPort
             * @instance
             */
            NetworkMapPort.prototype.target = 0;

            /**
             * NetworkMapPort protocol.
             * @member {string} protocol
             * @memberof clusterctl.dispatcher.NetworkMapPort
             * @instance
             */
            NetworkMapPort.prototype.protocol = "";

            /**
             * NetworkMapPort mode.
             * @member {string} mode
             * @memberof clusterctl.dispatcher.NetworkMapPort
             * @instance
             */
            NetworkMapPort.prototype.mode = "";

            /**
             * Encodes the specified NetworkMapPort message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapPort.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.NetworkMapPort
             * @static
             * @param {clusterctl.dispatcher.INetworkMapPort} message NetworkMapPort message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkMapPort.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.published != null && Object.hasOwnProperty.call(message, "published"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.published);
                if (message.target != null && Object.hasOwnProperty.call(message, "target"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.target);
                if (message.protocol != null && Object.hasOwnProperty.call(message, "protocol"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.protocol);
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.mode);
                return writer;
            };

            /**
             * Decodes a NetworkMapPort message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.NetworkMapPort
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.NetworkMapPort} NetworkMapPort
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkMapPort.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.NetworkMapPort();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.published = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.target = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.protocol = reader.string();
                            break;
                        }
                    case 4: {
                            message.mode = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkMapPort;
        })();

        dispatcher.NetworkMapEndpoint = (function() {

            /**
             * Properties of a NetworkMapEndpoint.
             * @memberof clusterctl.dispatcher
             * @interface INetworkMapEndpoint
             * @property {string|null} [taskId] NetworkMapEndpoint taskId
             * @property {string|null} [nodeId] NetworkMapEndpoint nodeId
             * @property {string|null} [ip] NetworkMapEndpoint ip
             */

            /**
             * Constructs a new NetworkMapEndpoint.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a NetworkMapEndpoint.
             * @implements INetworkMapEndpoint
             * @constructor
             * @param {clusterctl.dispatcher.INetworkMapEndpoint=} [properties] Properties to set
             */
            function NetworkMapEndpoint(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkMapEndpoint taskId.
             * @member {string} taskId
             * @memberof clusterctl.dispatcher.NetworkMapEndpoint
             * @instance
             */
            NetworkMapEndpoint.prototype.taskId = "";

            /**
             * NetworkMapEndpoint nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.dispatcher.NetworkMapEndpoint
             * @instance
             */
            NetworkMapEndpoint.prototype.nodeId = "";

            /**
             * NetworkMapEndpoint ip.
             * @member {string} ip
             * @memberof clusterctl.dispatcher.NetworkMapEndpoint
             * @instance
             */
            NetworkMapEndpoint.prototype.ip = "";

            /**
             * Encodes the specified NetworkMapEndpoint message. Does not implicitly {@link clusterctl.dispatcher.NetworkMapEndpoint.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.NetworkMapEndpoint
             * @static
             * @param {clusterctl.dispatcher.INetworkMapEndpoint} message NetworkMapEndpoint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkMapEndpoint.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.taskId);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nodeId);
                if (message.ip != null && Object.hasOwnProperty.call(message, "ip"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.ip);
                return writer;
            };

            /**
             * Decodes a NetworkMapEndpoint message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.NetworkMapEndpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.NetworkMapEndpoint} NetworkMapEndpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkMapEndpoint.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.NetworkMapEndpoint();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.taskId = reader.string();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 3: {
                            message.ip = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return NetworkMapEndpoint;
        })();

        dispatcher.TaskFilesRequest = (function() {

            /**
             * Properties of a TaskFilesRequest.
             * @memberof clusterctl.dispatcher
             * @interface ITaskFilesRequest
             * @property {string|null} [sessionId] TaskFilesRequest sessionId
             * @property {string|null} [taskId] TaskFilesRequest taskId
             */

            /**
             * Constructs a new TaskFilesRequest.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a TaskFilesRequest.
             * @implements ITaskFilesRequest
             * @constructor
             * @param {clusterctl.dispatcher.ITaskFilesRequest=} [properties] Properties to set
             */
            function TaskFilesRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskFilesRequest sessionId.
             * @member {string} sessionId
             * @memberof clusterctl.dispatcher.TaskFilesRequest
             * @instance
             */
            TaskFilesRequest.prototype.sessionId = "";

            /**
             * TaskFilesRequest taskId.
             * @member {string} taskId
             * @memberof clusterctl.dispatcher.TaskFilesRequest
             * @instance
             */
            TaskFilesRequest.prototype.taskId = "";

            /**
             * Encodes the specified TaskFilesRequest message. Does not implicitly {@link clusterctl.dispatcher.TaskFilesRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.TaskFilesRequest
             * @static
             * @param {clusterctl.dispatcher.ITaskFilesRequest} message TaskFilesRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskFilesRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.sessionId != null && Object.hasOwnProperty.call(message, "sessionId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.taskId != null && Object.hasOwnProperty.call(message, "taskId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.taskId);
                return writer;
            };

            /**
             * Decodes a TaskFilesRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.TaskFilesRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.TaskFilesRequest} TaskFilesRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskFilesRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.TaskFilesRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.sessionId = reader.string();
                            break;
                        }
                    case 2: {
                            message.taskId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return TaskFilesRequest;
        })();

        dispatcher.TaskFile = (function() {

            /**
             * Properties of a TaskFile.
             * @memberof clusterctl.dispatcher
             * @interface ITaskFile
             * @property {string|null} [kind] TaskFile kind
             * @property {string|null} [id] TaskFile id
             * @property {Uint8Array|null} [data] TaskFile data
             */

            /**
             * Constructs a new TaskFile.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a TaskFile.
             * @implements ITaskFile
             * @constructor
             * @param {clusterctl.dispatcher.ITaskFile=} [properties] Properties to set
             */
            function TaskFile(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskFile kind.
             * @member {string} kind
             * @memberof clusterctl.dispatcher.TaskFile
             * @instance
             */
            TaskFile.prototype.kind = "";

            /**
             * TaskFile id.
             * @member {string} id
             * @memberof clusterctl.dispatcher.TaskFile
             * @instance
             */
            TaskFile.prototype.id = "";

            /**
             * TaskFile data.
             * @member {Uint8Array} data
             * @memberof clusterctl.dispatcher.TaskFile
             * @instance
             */
            TaskFile.prototype.data = $util.newBuffer([]);

            /**
             * Encodes the specified TaskFile message. Does not implicitly {@link clusterctl.dispatcher.TaskFile.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.TaskFile
             * @static
             * @param {clusterctl.dispatcher.ITaskFile} message TaskFile message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskFile.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.kind);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.id);
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                return writer;
            };

            /**
             * Decodes a TaskFile message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.TaskFile
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.TaskFile} TaskFile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskFile.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.TaskFile();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.kind = reader.string();
                            break;
                        }
                    case 2: {
                            message.id = reader.string();
                            break;
                        }
                    case 3: {
                            message.data = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return TaskFile;
        })();

        dispatcher.TaskFilesResponse = (function() {

            /**
             * Properties of a TaskFilesResponse.
             * @memberof clusterctl.dispatcher
             * @interface ITaskFilesResponse
             * @property {Array.<clusterctl.dispatcher.ITaskFile>|null} [files] TaskFilesResponse files
             */

            /**
             * Constructs a new TaskFilesResponse.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a TaskFilesResponse.
             * @implements ITaskFilesResponse
             * @constructor
             * @param {clusterctl.dispatcher.ITaskFilesResponse=} [properties] Properties to set
             */
            function TaskFilesResponse(properties) {
                this.files = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TaskFilesResponse files.
             * @member {Array.<clusterctl.dispatcher.ITaskFile>} files
             * @memberof clusterctl.dispatcher.TaskFilesResponse
             * @instance
             */
            TaskFilesResponse.prototype.files = $util.emptyArray;

            /**
             * Encodes the specified TaskFilesResponse message. Does not implicitly {@link clusterctl.dispatcher.TaskFilesResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.dispatcher.TaskFilesResponse
             * @static
             * @param {clusterctl.dispatcher.ITaskFilesResponse} message TaskFilesResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskFilesResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.files != null && message.files.length)
                    for (var i = 0; i < message.files.length; ++i)
                        $root.clusterctl.dispatcher.TaskFile.encode(message.files[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a TaskFilesResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.dispatcher.TaskFilesResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.dispatcher.TaskFilesResponse} TaskFilesResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskFilesResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.dispatcher.TaskFilesResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.files && message.files.length))
                                message.files = [];
                            message.files.push($root.clusterctl.dispatcher.TaskFile.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return TaskFilesResponse;
        })();

        dispatcher.Dispatcher = (function() {

            /**
             * Constructs a new Dispatcher service.
             * @memberof clusterctl.dispatcher
             * @classdesc Represents a Dispatcher
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function Dispatcher(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (Dispatcher.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Dispatcher;

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#session}.
             * @memberof clusterctl.dispatcher.Dispatcher
             * @typedef SessionCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.dispatcher.SessionMessage} [response] SessionMessage
             */

            /**
             * Calls Session.
             * @function session
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.ISessionRequest} request SessionRequest message or plain object
             * @param {clusterctl.dispatcher.Dispatcher.SessionCallback} callback Node-style callback called with the error, if any, and SessionMessage
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Dispatcher.prototype.session = function session(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, session, $root.clusterctl.dispatcher.SessionRequest, $root.clusterctl.dispatcher.SessionMessage, request, callback);
            }, "name", { value: "Session" });

            /**
             * Calls Session.
             * @function session
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.ISessionRequest} request SessionRequest message or plain object
             * @returns {Promise<clusterctl.dispatcher.SessionMessage>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#heartbeat}.
             * @memberof clusterctl.dispatcher.Dispatcher
             * @typedef HeartbeatCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.dispatcher.HeartbeatResponse} [response] HeartbeatResponse
             */

            /**
             * Calls Heartbeat.
             * @function heartbeat
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.IHeartbeatRequest} request HeartbeatRequest message or plain object
             * @param {clusterctl.dispatcher.Dispatcher.HeartbeatCallback} callback Node-style callback called with the error, if any, and HeartbeatResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Dispatcher.prototype.heartbeat = function heartbeat(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, heartbeat, $root.clusterctl.dispatcher.HeartbeatRequest, $root.clusterctl.dispatcher.HeartbeatResponse, request, callback);
            }, "name", { value: "Heartbeat" });

            /**
             * Calls Heartbeat.
             * @function heartbeat
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.IHeartbeatRequest} request HeartbeatRequest message or plain object
             * @returns {Promise<clusterctl.dispatcher.HeartbeatResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#assignments}.
             * @memberof clusterctl.dispatcher.Dispatcher
             * @typedef AssignmentsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.dispatcher.AssignmentsMessage} [response] AssignmentsMessage
             */

            /**
             * Calls Assignments.
             * @function assignments
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.IAssignmentsRequest} request AssignmentsRequest message or plain object
             * @param {clusterctl.dispatcher.Dispatcher.AssignmentsCallback} callback Node-style callback called with the error, if any, and AssignmentsMessage
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Dispatcher.prototype.assignments = function assignments(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, assignments, $root.clusterctl.dispatcher.AssignmentsRequest, $root.clusterctl.dispatcher.AssignmentsMessage, request, callback);
            }, "name", { value: "Assignments" });

            /**
             * Calls Assignments.
             * @function assignments
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.IAssignmentsRequest} request AssignmentsRequest message or plain object
             * @returns {Promise<clusterctl.dispatcher.AssignmentsMessage>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#updateTaskStatus}.
             * @memberof clusterctl.dispatcher.Dispatcher
             * @typedef UpdateTaskStatusCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.dispatcher.UpdateTaskStatusResponse} [response] UpdateTaskStatusResponse
             */

            /**
             * Calls UpdateTaskStatus.
             * @function updateTaskStatus
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.IUpdateTaskStatusRequest} request UpdateTaskStatusRequest message or plain object
             * @param {clusterctl.dispatcher.Dispatcher.UpdateTaskStatusCallback} callback Node-style callback called with the error, if any, and UpdateTaskStatusResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Dispatcher.prototype.updateTaskStatus = function updateTaskStatus(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, updateTaskStatus, $root.clusterctl.dispatcher.UpdateTaskStatusRequest, $root.clusterctl.dispatcher.UpdateTaskStatusResponse, request, callback);
            }, "name", { value: "UpdateTaskStatus" });

            /**
             * Calls UpdateTaskStatus.
             * @function updateTaskStatus
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.IUpdateTaskStatusRequest} request UpdateTaskStatusRequest message or plain object
             * @returns {Promise<clusterctl.dispatcher.UpdateTaskStatusResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#logSubscriptions}.
             * @memberof clusterctl.dispatcher.Dispatcher
             * @typedef LogSubscriptionsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.dispatcher.LogSubscription} [response] LogSubscription
             */

            /**
             * Calls LogSubscriptions.
             * @function logSubscriptions
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.ILogSubscriptionsRequest} request LogSubscriptionsRequest message or plain object
             * @param {clusterctl.dispatcher.Dispatcher.LogSubscriptionsCallback} callback Node-style callback called with the error, if any, and LogSubscription
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Dispatcher.prototype.logSubscriptions = function logSubscriptions(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, logSubscriptions, $root.clusterctl.dispatcher.LogSubscriptionsRequest, $root.clusterctl.dispatcher.LogSubscription, request, callback);
            }, "name", { value: "LogSubscriptions" });

            /**
             * Calls LogSubscriptions.
             * @function logSubscriptions
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.ILogSubscriptionsRequest} request LogSubscriptionsRequest message or plain object
             * @returns {Promise<clusterctl.dispatcher.LogSubscription>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#publishLogs}.
             * @memberof clusterctl.dispatcher.Dispatcher
             * @typedef PublishLogsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.dispatcher.PublishLogsResponse} [response] PublishLogsResponse
             */

            /**
             * Calls PublishLogs.
             * @function publishLogs
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.IPublishLogsMessage} request PublishLogsMessage message or plain object
             * @param {clusterctl.dispatcher.Dispatcher.PublishLogsCallback} callback Node-style callback called with the error, if any, and PublishLogsResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Dispatcher.prototype.publishLogs = function publishLogs(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, publishLogs, $root.clusterctl.dispatcher.PublishLogsMessage, $root.clusterctl.dispatcher.PublishLogsResponse, request, callback);
            }, "name", { value: "PublishLogs" });

            /**
             * Calls PublishLogs.
             * @function publishLogs
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.IPublishLogsMessage} request PublishLogsMessage message or plain object
             * @returns {Promise<clusterctl.dispatcher.PublishLogsResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#networkMaps}.
             * @memberof clusterctl.dispatcher.Dispatcher
             * @typedef NetworkMapsCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.dispatcher.NetworkMap} [response] NetworkMap
             */

            /**
             * Calls NetworkMaps.
             * @function networkMaps
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.INetworkMapRequest} request NetworkMapRequest message or plain object
             * @param {clusterctl.dispatcher.Dispatcher.NetworkMapsCallback} callback Node-style callback called with the error, if any, and NetworkMap
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Dispatcher.prototype.networkMaps = function networkMaps(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, networkMaps, $root.clusterctl.dispatcher.NetworkMapRequest, $root.clusterctl.dispatcher.NetworkMap, request, callback);
            }, "name", { value: "NetworkMaps" });

            /**
             * Calls NetworkMaps.
             * @function networkMaps
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.INetworkMapRequest} request NetworkMapRequest message or plain object
             * @returns {Promise<clusterctl.dispatcher.NetworkMap>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.dispatcher.Dispatcher#getTaskFiles}.
             * @memberof clusterctl.dispatcher.Dispatcher
             * @typedef GetTaskFilesCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.dispatcher.TaskFilesResponse} [response] TaskFilesResponse
             */

            /**
             * Calls GetTaskFiles.
             * @function getTaskFiles
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.ITaskFilesRequest} request TaskFilesRequest message or plain object
             * @param {clusterctl.dispatcher.Dispatcher.GetTaskFilesCallback} callback Node-style callback called with the error, if any, and TaskFilesResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Dispatcher.prototype.getTaskFiles = function getTaskFiles(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getTaskFiles, $root.clusterctl.dispatcher.TaskFilesRequest, $root.clusterctl.dispatcher.TaskFilesResponse, request, callback);
            }, "name", { value: "GetTaskFiles" });

            /**
             * Calls GetTaskFiles.
             * @function getTaskFiles
             * @memberof clusterctl.dispatcher.Dispatcher
             * @instance
             * @param {clusterctl.dispatcher.ITaskFilesRequest} request TaskFilesRequest message or plain object
             * @returns {Promise<clusterctl.dispatcher.TaskFilesResponse>} Promise
             * @variation 2
             */

            return Dispatcher;
        })();

        return dispatcher;
    })();

    clusterctl.kv = (function() {

        /**
         * Namespace kv.
         * @memberof clusterctl
         * @namespace
         */
        var kv = {};

        kv.PutRequest = (function() {

            /**
             * Properties of a PutRequest.
             * @memberof clusterctl.kv
             * @interface IPutRequest
             * @property {string|null} [key] PutRequest key
             * @property {Uint8Array|null} [value] PutRequest value
             */

            /**
             * Constructs a new PutRequest.
             * @memberof clusterctl.kv
             * @classdesc Represents a PutRequest.
             * @implements IPutRequest
             * @constructor
             * @param {clusterctl.kv.IPutRequest=} [properties] Properties to set
             */
            function PutRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PutRequest key.
             * @member {string} key
             * @memberof clusterctl.kv.PutRequest
             * @instance
             */
            PutRequest.prototype.key = "";

            /**
             * PutRequest value.
             * @member {Uint8Array} value
             * @memberof clusterctl.kv.PutRequest
             * @instance
             */
            PutRequest.prototype.value = $util.newBuffer([]);

            /**
             * Encodes the specified PutRequest message. Does not implicitly {@link clusterctl.kv.PutRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.kv.PutRequest
             * @static
             * @param {clusterctl.kv.IPutRequest} message PutRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PutRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.value);
                return writer;
            };

            /**
             * Decodes a PutRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.kv.PutRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.kv.PutRequest} PutRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PutRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.kv.PutRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.key = reader.string();
                            break;
                        }
                    case 2: {
                            message.value = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return PutRequest;
        })();

        kv.PutResponse = (function() {

            /**
             * Properties of a PutResponse.
             * @memberof clusterctl.kv
             * @interface IPutResponse
             * @property {number|null} [index] PutResponse index
             */

            /**
             * Constructs a new PutResponse.
             * @memberof clusterctl.kv
             * @classdesc Represents a PutResponse.
             * @implements IPutResponse
             * @constructor
             * @param {clusterctl.kv.IPutResponse=} [properties] Properties to set
             */
            function PutResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PutResponse index.
             * @member {number} index
             * @memberof clusterctl.kv.PutResponse
             * @instance
             */
            PutResponse.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified PutResponse message. Does not implicitly {@link clusterctl.kv.PutResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.kv.PutResponse
             * @static
             * @param {clusterctl.kv.IPutResponse} message PutResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PutResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.index);
                return writer;
            };

            /**
             * Decodes a PutResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.kv.PutResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.kv.PutResponse} PutResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PutResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.kv.PutResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.index = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return PutResponse;
        })();

        kv.GetRequest = (function() {

            /**
             * Properties of a GetRequest.
             * @memberof clusterctl.kv
             * @interface IGetRequest
             * @property {string|null} [key] GetRequest key
             * @property {boolean|null} [serializable] GetRequest serializable
             */

            /**
             * Constructs a new GetRequest.
             * @memberof clusterctl.kv
             * @classdesc Represents a GetRequest.
             * @implements IGetRequest
             * @constructor
             * @param {clusterctl.kv.IGetRequest=} [properties] Properties to set
             */
            function GetRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetRequest key.
             * @member {string} key
             * @memberof clusterctl.kv.GetRequest
             * @instance
             */
            GetRequest.prototype.key = "";

            /**
             * GetRequest serializable.
             * @member {boolean} serializable
             * @memberof clusterctl.kv.GetRequest
             * @instance
             */
            GetRequest.prototype.serializable = false;

            /**
             * Encodes the specified GetRequest message. Does not implicitly {@link clusterctl.kv.GetRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.kv.GetRequest
             * @static
             * @param {clusterctl.kv.IGetRequest} message GetRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.key);
                if (message.serializable != null && Object.hasOwnProperty.call(message, "serializable"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.serializable);
                return writer;
            };

            /**
             * Decodes a GetRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.kv.GetRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.kv.GetRequest} GetRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.kv.GetRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.key = reader.string();
                            break;
                        }
                    case 2: {
                            message.serializable = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetRequest;
        })();

        kv.GetResponse = (function() {

            /**
             * Properties of a GetResponse.
             * @memberof clusterctl.kv
             * @interface IGetResponse
             * @property {boolean|null} [found] GetResponse found
             * @property {Uint8Array|null} [value] GetResponse value
             * @property {number|null} [version] GetResponse version
             */

            /**
             * Constructs a new GetResponse.
             * @memberof clusterctl.kv
             * @classdesc Represents a GetResponse.
             * @implements IGetResponse
             * @constructor
             * @param {clusterctl.kv.IGetResponse=} [properties] Properties to set
             */
            function GetResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GetResponse found.
             * @member {boolean} found
             * @memberof clusterctl.kv.GetResponse
             * @instance
             */
            GetResponse.prototype.found = false;

            /**
             * GetResponse value.
             * @member {Uint8Array} value
             * @memberof clusterctl.kv.GetResponse
             * @instance
             */
            GetResponse.prototype.value = $util.newBuffer([]);

            /**
             * GetResponse version.
             * @member {number} version
             * @memberof clusterctl.kv.GetResponse
             * @instance
             */
            GetResponse.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified GetResponse message. Does not implicitly {@link clusterctl.kv.GetResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.kv.GetResponse
             * @static
             * @param {clusterctl.kv.IGetResponse} message GetResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.found != null && Object.hasOwnProperty.call(message, "found"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.found);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.value);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.version);
                return writer;
            };

            /**
             * Decodes a GetResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.kv.GetResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.kv.GetResponse} GetResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.kv.GetResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.found = reader.bool();
                            break;
                        }
                    case 2: {
                            message.value = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.version = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GetResponse;
        })();

        kv.StatusRequest = (function() {

            /**
             * Properties of a StatusRequest.
             * @memberof clusterctl.kv
             * @interface IStatusRequest
             */

            /**
             * Constructs a new StatusRequest.
             * @memberof clusterctl.kv
             * @classdesc Represents a StatusRequest.
             * @implements IStatusRequest
             * @constructor
             * @param {clusterctl.kv.IStatusRequest=} [properties] Properties to set
             */
            function StatusRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified StatusRequest message. Does not implicitly {@link clusterctl.kv.StatusRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.kv.StatusRequest
             * @static
             * @param {clusterctl.kv.IStatusRequest} message StatusRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes a StatusRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.kv.StatusRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.kv.StatusRequest} StatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.kv.StatusRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return StatusRequest;
        })();

        kv.StatusResponse = (function() {

            /**
             * Properties of a StatusResponse.
             * @memberof clusterctl.kv
             * @interface IStatusResponse
             * @property {number|null} [id] StatusResponse id
             * @property {number|null} [leader] StatusResponse leader
             * @property {number|null} [term] StatusResponse term
             * @property {number|null} [commit] StatusResponse commit
             * @property {number|null} [applied] StatusResponse applied
             * @property {string|null} [role] StatusResponse role
             * @property {Array.<number>|null} [voters] StatusResponse voters
             * @property {Array.<number>|null} [learners] StatusResponse learners
             */

            /**
             * Constructs a new StatusResponse.
             * @memberof clusterctl.kv
             * @classdesc Represents a StatusResponse.
             * @implements IStatusResponse
             * @constructor
             * @param {clusterctl.kv.IStatusResponse=} [properties] Properties to set
             */
            function StatusResponse(properties) {
                this.voters = [];
                this.learners = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StatusResponse id.
             * @member {number} id
             * @memberof clusterctl.kv.StatusResponse
             * @instance
             */
            StatusResponse.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatusResponse leader.
             * @member {number} leader
             * @memberof clusterctl.kv.StatusResponse
             * @instance
             */
            StatusResponse.prototype.leader = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatusResponse term.
             * @member {number} term
             * @memberof clusterctl.kv.StatusResponse
             * @instance
             */
            StatusResponse.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatusResponse commit.
             * @member {number} commit
             * @memberof clusterctl.kv.StatusResponse
             * @instance
             */
            StatusResponse.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatusResponse applied.
             * @member {number} applied
             * @memberof clusterctl.kv.StatusResponse
             * @instance
             */
            StatusResponse.prototype.applied = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatusResponse role.
             * @member {string} role
             * @memberof clusterctl.kv.StatusResponse
             * @instance
             */
            StatusResponse.prototype.role = "";

            /**
             * StatusResponse voters.
             * @member {Array.<number>} voters
             * @memberof clusterctl.kv.StatusResponse
             * @instance
             */
            StatusResponse.prototype.voters = $util.emptyArray;

            /**
             * StatusResponse learners.
             * @member {Array.<number>} learners
             * @memberof clusterctl.kv.StatusResponse
             * @instance
             */
            StatusResponse.prototype.learners = $util.emptyArray;

            /**
             * Encodes the specified StatusResponse message. Does not implicitly {@link clusterctl.kv.StatusResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.kv.StatusResponse
             * @static
             * @param {clusterctl.kv.IStatusResponse} message StatusResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
                if (message.leader != null && Object.hasOwnProperty.call(message, "leader"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.leader);
                if (message.term != null && Object.hasOwnProperty.call(message, "term"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.term);
                if (message.commit != null && Object.hasOwnProperty.call(message, "commit"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.commit);
                if (message.applied != null && Object.hasOwnProperty.call(message, "applied"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.applied);
                if (message.role != null && Object.hasOwnProperty.call(message, "role"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.role);
                if (message.voters != null && message.voters.length) {
                    writer.uint32(/* id 7, wireType 2 =*/58).fork();
                    for (var i = 0; i < message.voters.length; ++i)
                        writer.uint64(message.voters[i]);
                    writer.ldelim();
                }
                if (message.learners != null && message.learners.length) {
                    writer.uint32(/* id 8, wireType 2 =*/66).fork();
                    for (var i = 0; i < message.learners.length; ++i)
                        writer.uint64(message.learners[i]);
                    writer.ldelim();
                }
                return writer;
            };

            /**
             * Decodes a StatusResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.kv.StatusResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.kv.StatusResponse} StatusResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.kv.StatusResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.leader = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.term = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.commit = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.applied = reader.uint64();
                            break;
                        }
                    case 6: {
                            message.role = reader.string();
                            break;
                        }
                    case 7: {
                            if (!(message.voters && message.voters.length))
                                message.voters = [];
                            if ((tag & 7) === 2) {
                                var end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.voters.push(reader.uint64());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.voters.push(reader.uint64());
                            break;
                        }
                    case 8: {
                            if (!(message.learners && message.learners.length))
                                message.learners = [];
                            if ((tag & 7) === 2) {
                                var end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.learners.push(reader.uint64());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.learners.push(reader.uint64());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return StatusResponse;
        })();

        kv.KV = (function() {

            /**
             * Constructs a new KV service.
             * @memberof clusterctl.kv
             * @classdesc Represents a KV
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function KV(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (KV.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = KV;

            /**
             * Callback as used by {@link clusterctl.kv.KV#put}.
             * @memberof clusterctl.kv.KV
             * @typedef PutCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.kv.PutResponse} [response] PutResponse
             */

            /**
             * Calls Put.
             * @function put
             * @memberof clusterctl.kv.KV
             * @instance
             * @param {clusterctl.kv.IPutRequest} request PutRequest message or plain object
             * @param {clusterctl.kv.KV.PutCallback} callback Node-style callback called with the error, if any, and PutResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(KV.prototype.put = function put(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, put, $root.clusterctl.kv.PutRequest, $root.clusterctl.kv.PutResponse, request, callback);
            }, "name", { value: "Put" });

            /**
             * Calls Put.
             * @function put
             * @memberof clusterctl.kv.KV
             * @instance
             * @param {clusterctl.kv.IPutRequest} request PutRequest message or plain object
             * @returns {Promise<clusterctl.kv.PutResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.kv.KV#get}.
             * @memberof clusterctl.kv.KV
             * @typedef GetCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.kv.GetResponse} [response] GetResponse
             */

            /**
             * Calls Get.
             * @function get
             * @memberof clusterctl.kv.KV
             * @instance
             * @param {clusterctl.kv.IGetRequest} request GetRequest message or plain object
             * @param {clusterctl.kv.KV.GetCallback} callback Node-style callback called with the error, if any, and GetResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(KV.prototype.get = function get(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, get, $root.clusterctl.kv.GetRequest, $root.clusterctl.kv.GetResponse, request, callback);
            }, "name", { value: "Get" });

            /**
             * Calls Get.
             * @function get
             * @memberof clusterctl.kv.KV
             * @instance
             * @param {clusterctl.kv.IGetRequest} request GetRequest message or plain object
             * @returns {Promise<clusterctl.kv.GetResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.kv.KV#status}.
             * @memberof clusterctl.kv.KV
             * @typedef StatusCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.kv.StatusResponse} [response] StatusResponse
             */

            /**
             * Calls Status.
             * @function status
             * @memberof clusterctl.kv.KV
             * @instance
             * @param {clusterctl.kv.IStatusRequest} request StatusRequest message or plain object
             * @param {clusterctl.kv.KV.StatusCallback} callback Node-style callback called with the error, if any, and StatusResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(KV.prototype.status = function status(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, status, $root.clusterctl.kv.StatusRequest, $root.clusterctl.kv.StatusResponse, request, callback);
            }, "name", { value: "Status" });

            /**
             * Calls Status.
             * @function status
             * @memberof clusterctl.kv.KV
             * @instance
             * @param {clusterctl.kv.IStatusRequest} request StatusRequest message or plain object
             * @returns {Promise<clusterctl.kv.StatusResponse>} Promise
             * @variation 2
             */

            return KV;
        })();

        return kv;
    })();

    clusterctl.local = (function() {

        /**
         * Namespace local.
         * @memberof clusterctl
         * @namespace
         */
        var local = {};

        local.InfoRequest = (function() {

            /**
             * Properties of an InfoRequest.
             * @memberof clusterctl.local
             * @interface IInfoRequest
             */

            /**
             * Constructs a new InfoRequest.
             * @memberof clusterctl.local
             * @classdesc Represents an InfoRequest.
             * @implements IInfoRequest
             * @constructor
             * @param {clusterctl.local.IInfoRequest=} [properties] Properties to set
             */
            function InfoRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified InfoRequest message. Does not implicitly {@link clusterctl.local.InfoRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.local.InfoRequest
             * @static
             * @param {clusterctl.local.IInfoRequest} message InfoRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InfoRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes an InfoRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.local.InfoRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.local.InfoRequest} InfoRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InfoRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.local.InfoRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return InfoRequest;
        })();

        local.InfoResponse = (function() {

            /**
             * Properties of an InfoResponse.
             * @memberof clusterctl.local
             * @interface IInfoResponse
             * @property {string|null} [nodeId] InfoResponse nodeId
             * @property {string|null} [role] InfoResponse role
             * @property {string|null} [clusterId] InfoResponse clusterId
             * @property {string|null} [hostname] InfoResponse hostname
             * @property {Array.<string>|null} [managerAddrs] InfoResponse managerAddrs
             * @property {string|null} [leaderAddr] InfoResponse leaderAddr
             * @property {boolean|null} [isLeader] InfoResponse isLeader
             * @property {string|null} [listenAddr] InfoResponse listenAddr
             * @property {string|null} [advertiseAddr] InfoResponse advertiseAddr
             * @property {string|null} [dataDir] InfoResponse dataDir
             * @property {number|null} [pid] InfoResponse pid
             * @property {boolean|null} [agentConnected] InfoResponse agentConnected
             * @property {string|null} [agentSessionAddr] InfoResponse agentSessionAddr
             * @property {number|null} [tasks] InfoResponse tasks
             * @property {number|null} [startedAt] InfoResponse startedAt
             * @property {string|null} [version] InfoResponse version
             * @property {boolean|null} [locked] InfoResponse locked
             */

            /**
             * Constructs a new InfoResponse.
             * @memberof clusterctl.local
             * @classdesc Represents an InfoResponse.
             * @implements IInfoResponse
             * @constructor
             * @param {clusterctl.local.IInfoResponse=} [properties] Properties to set
             */
            function InfoResponse(properties) {
                this.managerAddrs = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * InfoResponse nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.nodeId = "";

            /**
             * InfoResponse role.
             * @member {string} role
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.role = "";

            /**
             * InfoResponse clusterId.
             * @member {string} clusterId
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.clusterId = "";

            /**
             * InfoResponse hostname.
             * @member {string} hostname
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.hostname = "";

            /**
             * InfoResponse managerAddrs.
             * @member {Array.<string>} managerAddrs
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.managerAddrs = $util.emptyArray;

            /**
             * InfoResponse leaderAddr.
             * @member {string} leaderAddr
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.leaderAddr = "";

            /**
             * InfoResponse isLeader.
             * @member {boolean} isLeader
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.isLeader = false;

            /**
             * InfoResponse listenAddr.
             * @member {string} listenAddr
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.listenAddr = "";

            /**
             * InfoResponse advertiseAddr.
             * @member {string} advertiseAddr
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.advertiseAddr = "";

            /**
             * InfoResponse dataDir.
             * @member {string} dataDir
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.dataDir = "";

            /**
             * InfoResponse pid.
             * @member {number} pid
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.pid = 0;

            /**
             * InfoResponse agentConnected.
             * @member {boolean} agentConnected
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.agentConnected = false;

            /**
             * InfoResponse agentSessionAddr.
             * @member {string} agentSessionAddr
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.agentSessionAddr = "";

            /**
             * InfoResponse tasks.
             * @member {number} tasks
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.tasks = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InfoResponse startedAt.
             * @member {number} startedAt
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.startedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InfoResponse version.
             * @member {string} version
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.version = "";

            /**
             * InfoResponse locked.
             * @member {boolean} locked
             * @memberof clusterctl.local.InfoResponse
             * @instance
             */
            InfoResponse.prototype.locked = false;

            /**
             * Encodes the specified InfoResponse message. Does not implicitly {@link clusterctl.local.InfoResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.local.InfoResponse
             * @static
             * @param {clusterctl.local.IInfoResponse} message InfoResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InfoResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.nodeId);
                if (message.role != null && Object.hasOwnProperty.call(message, "role"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.role);
                if (message.clusterId != null && Object.hasOwnProperty.call(message, "clusterId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.clusterId);
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.hostname);
                if (message.managerAddrs != null && message.managerAddrs.length)
                    for (var i = 0; i < message.managerAddrs.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.managerAddrs[i]);
                if (message.leaderAddr != null && Object.hasOwnProperty.call(message, "leaderAddr"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.leaderAddr);
                if (message.isLeader != null && Object.hasOwnProperty.call(message, "isLeader"))
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.isLeader);
                if (message.listenAddr != null && Object.hasOwnProperty.call(message, "listenAddr"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.listenAddr);
                if (message.advertiseAddr != null && Object.hasOwnProperty.call(message, "advertiseAddr"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.advertiseAddr);
                if (message.dataDir != null && Object.hasOwnProperty.call(message, "dataDir"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.dataDir);
                if (message.pid != null && Object.hasOwnProperty.call(message, "pid"))
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.pid);
                if (message.agentConnected != null && Object.hasOwnProperty.call(message, "agentConnected"))
                    writer.uint32(/* id 12, wireType 0 =*/96).bool(message.agentConnected);
                if (message.agentSessionAddr != null && Object.hasOwnProperty.call(message, "agentSessionAddr"))
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.agentSessionAddr);
                if (message.tasks != null && Object.hasOwnProperty.call(message, "tasks"))
                    writer.uint32(/* id 14, wireType 0 =*/112).uint64(message.tasks);
                if (message.startedAt != null && Object.hasOwnProperty.call(message, "startedAt"))
                    writer.uint32(/* id 15, wireType 0 =*/120).uint64(message.startedAt);
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 16, wireType 2 =*/130).string(message.version);
                if (message.locked != null && Object.hasOwnProperty.call(message, "locked"))
                    writer.uint32(/* id 17, wireType 0 =*/136).bool(message.locked);
                return writer;
            };

            /**
             * Decodes an InfoResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.local.InfoResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.local.InfoResponse} InfoResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InfoResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.local.InfoResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 2: {
                            message.role = reader.string();
                            break;
                        }
                    case 3: {
                            message.clusterId = reader.string();
                            break;
                        }
                    case 4: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 5: {
                            if (!(message.managerAddrs && message.managerAddrs.length))
                                message.managerAddrs = [];
                            message.managerAddrs.push(reader.string());
                            break;
                        }
                    case 6: {
                            message.leaderAddr = reader.string();
                            break;
                        }
                    case 7: {
                            message.isLeader = reader.bool();
                            break;
                        }
                    case 8: {
                            message.listenAddr = reader.string();
                            break;
                        }
                    case 9: {
                            message.advertiseAddr = reader.string();
                            break;
                        }
                    case 10: {
                            message.dataDir = reader.string();
                            break;
                        }
                    case 11: {
                            message.pid = reader.uint32();
                            break;
                        }
                    case 12: {
                            message.agentConnected = reader.bool();
                            break;
                        }
                    case 13: {
                            message.agentSessionAddr = reader.string();
                            break;
                        }
                    case 14: {
                            message.tasks = reader.uint64();
                            break;
                        }
                    case 15: {
                            message.startedAt = reader.uint64();
                            break;
                        }
                    case 16: {
                            message.version = reader.string();
                            break;
                        }
                    case 17: {
                            message.locked = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return InfoResponse;
        })();

        local.LeaveRequest = (function() {

            /**
             * Properties of a LeaveRequest.
             * @memberof clusterctl.local
             * @interface ILeaveRequest
             * @property {boolean|null} [force] LeaveRequest force
             */

            /**
             * Constructs a new LeaveRequest.
             * @memberof clusterctl.local
             * @classdesc Represents a LeaveRequest.
             * @implements ILeaveRequest
             * @constructor
             * @param {clusterctl.local.ILeaveRequest=} [properties] Properties to set
             */
            function LeaveRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LeaveRequest force.
             * @member {boolean} force
             * @memberof clusterctl.local.LeaveRequest
             * @instance
             */
            LeaveRequest.prototype.force = false;

            /**
             * Encodes the specified LeaveRequest message. Does not implicitly {@link clusterctl.local.LeaveRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.local.LeaveRequest
             * @static
             * @param {clusterctl.local.ILeaveRequest} message LeaveRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaveRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.force != null && Object.hasOwnProperty.call(message, "force"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.force);
                return writer;
            };

            /**
             * Decodes a LeaveRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.local.LeaveRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.local.LeaveRequest} LeaveRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaveRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.local.LeaveRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.force = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return LeaveRequest;
        })();

        local.LeaveResponse = (function() {

            /**
             * Properties of a LeaveResponse.
             * @memberof clusterctl.local
             * @interface ILeaveResponse
             * @property {string|null} [nodeId] LeaveResponse nodeId
             * @property {number|null} [containersRemoved] LeaveResponse containersRemoved
             */

            /**
             * Constructs a new LeaveResponse.
             * @memberof clusterctl.local
             * @classdesc Represents a LeaveResponse.
             * @implements ILeaveResponse
             * @constructor
             * @param {clusterctl.local.ILeaveResponse=} [properties] Properties to set
             */
            function LeaveResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * LeaveResponse nodeId.
             * @member {string} nodeId
             * @memberof clusterctl.local.LeaveResponse
             * @instance
             */
            LeaveResponse.prototype.nodeId = "";

            /**
             * LeaveResponse containersRemoved.
             * @member {number} containersRemoved
             * @memberof clusterctl.local.LeaveResponse
             * @instance
             */
            LeaveResponse.prototype.containersRemoved = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified LeaveResponse message. Does not implicitly {@link clusterctl.local.LeaveResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.local.LeaveResponse
             * @static
             * @param {clusterctl.local.ILeaveResponse} message LeaveResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaveResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.nodeId);
                if (message.containersRemoved != null && Object.hasOwnProperty.call(message, "containersRemoved"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.containersRemoved);
                return writer;
            };

            /**
             * Decodes a LeaveResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.local.LeaveResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.local.LeaveResponse} LeaveResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaveResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.local.LeaveResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 2: {
                            message.containersRemoved = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return LeaveResponse;
        })();

        local.BackupRequest = (function() {

            /**
             * Properties of a BackupRequest.
             * @memberof clusterctl.local
             * @interface IBackupRequest
             */

            /**
             * Constructs a new BackupRequest.
             * @memberof clusterctl.local
             * @classdesc Represents a BackupRequest.
             * @implements IBackupRequest
             * @constructor
             * @param {clusterctl.local.IBackupRequest=} [properties] Properties to set
             */
            function BackupRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified BackupRequest message. Does not implicitly {@link clusterctl.local.BackupRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.local.BackupRequest
             * @static
             * @param {clusterctl.local.IBackupRequest} message BackupRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackupRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes a BackupRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.local.BackupRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.local.BackupRequest} BackupRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackupRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.local.BackupRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return BackupRequest;
        })();

        local.BackupChunk = (function() {

            /**
             * Properties of a BackupChunk.
             * @memberof clusterctl.local
             * @interface IBackupChunk
             * @property {Uint8Array|null} [data] BackupChunk data
             * @property {number|null} [raftIndex] BackupChunk raftIndex
             * @property {number|null} [raftTerm] BackupChunk raftTerm
             * @property {string|null} [clusterId] BackupChunk clusterId
             * @property {number|null} [totalBytes] BackupChunk totalBytes
             */

            /**
             * Constructs a new BackupChunk.
             * @memberof clusterctl.local
             * @classdesc Represents a BackupChunk.
             * @implements IBackupChunk
             * @constructor
             * @param {clusterctl.local.IBackupChunk=} [properties] Properties to set
             */
            function BackupChunk(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BackupChunk data.
             * @member {Uint8Array} data
             * @memberof clusterctl.local.BackupChunk
             * @instance
             */
            BackupChunk.prototype.data = $util.newBuffer([]);

            /**
             * BackupChunk raftIndex.
             * @member {number} raftIndex
             * @memberof clusterctl.local.BackupChunk
             * @instance
             */
            BackupChunk.prototype.raftIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * BackupChunk raftTerm.
             * @member {number} raftTerm
             * @memberof clusterctl.local.BackupChunk
             * @instance
             */
            BackupChunk.prototype.raftTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * BackupChunk clusterId.
             * @member {string} clusterId
             * @memberof clusterctl.local.BackupChunk
             * @instance
             */
            BackupChunk.prototype.clusterId = "";

            /**
             * BackupChunk totalBytes.
             * @member {number} totalBytes
             * @memberof clusterctl.local.BackupChunk
             * @instance
             */
            BackupChunk.prototype.totalBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Encodes the specified BackupChunk message. Does not implicitly {@link clusterctl.local.BackupChunk.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.local.BackupChunk
             * @static
             * @param {clusterctl.local.IBackupChunk} message BackupChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BackupChunk.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.data);
                if (message.raftIndex != null && Object.hasOwnProperty.call(message, "raftIndex"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.raftIndex);
                if (message.raftTerm != null && Object.hasOwnProperty.call(message, "raftTerm"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.raftTerm);
                if (message.clusterId != null && Object.hasOwnProperty.call(message, "clusterId"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.clusterId);
                if (message.totalBytes != null && Object.hasOwnProperty.call(message, "totalBytes"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.totalBytes);
                return writer;
            };

            /**
             * Decodes a BackupChunk message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.local.BackupChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.local.BackupChunk} BackupChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BackupChunk.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.local.BackupChunk();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.raftIndex = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.raftTerm = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.clusterId = reader.string();
                            break;
                        }
                    case 5: {
                            message.totalBytes = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return BackupChunk;
        })();

        local.UnlockRequest = (function() {

            /**
             * Properties of an UnlockRequest.
             * @memberof clusterctl.local
             * @interface IUnlockRequest
             * @property {string|null} [unlockKey] UnlockRequest unlockKey
             */

            /**
             * Constructs a new UnlockRequest.
             * @memberof clusterctl.local
             * @classdesc Represents an UnlockRequest.
             * @implements IUnlockRequest
             * @constructor
             * @param {clusterctl.local.IUnlockRequest=} [properties] Properties to set
             */
            function UnlockRequest(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UnlockRequest unlockKey.
             * @member {string} unlockKey
             * @memberof clusterctl.local.UnlockRequest
             * @instance
             */
            UnlockRequest.prototype.unlockKey = "";

            /**
             * Encodes the specified UnlockRequest message. Does not implicitly {@link clusterctl.local.UnlockRequest.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.local.UnlockRequest
             * @static
             * @param {clusterctl.local.IUnlockRequest} message UnlockRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UnlockRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.unlockKey != null && Object.hasOwnProperty.call(message, "unlockKey"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.unlockKey);
                return writer;
            };

            /**
             * Decodes an UnlockRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.local.UnlockRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.local.UnlockRequest} UnlockRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UnlockRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.local.UnlockRequest();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.unlockKey = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UnlockRequest;
        })();

        local.UnlockResponse = (function() {

            /**
             * Properties of an UnlockResponse.
             * @memberof clusterctl.local
             * @interface IUnlockResponse
             */

            /**
             * Constructs a new UnlockResponse.
             * @memberof clusterctl.local
             * @classdesc Represents an UnlockResponse.
             * @implements IUnlockResponse
             * @constructor
             * @param {clusterctl.local.IUnlockResponse=} [properties] Properties to set
             */
            function UnlockResponse(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified UnlockResponse message. Does not implicitly {@link clusterctl.local.UnlockResponse.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.local.UnlockResponse
             * @static
             * @param {clusterctl.local.IUnlockResponse} message UnlockResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UnlockResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes an UnlockResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.local.UnlockResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.local.UnlockResponse} UnlockResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UnlockResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.local.UnlockResponse();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return UnlockResponse;
        })();

        local.Local = (function() {

            /**
             * Constructs a new Local service.
             * @memberof clusterctl.local
             * @classdesc Represents a Local
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function Local(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (Local.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Local;

            /**
             * Callback as used by {@link clusterctl.local.Local#info}.
             * @memberof clusterctl.local.Local
             * @typedef InfoCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.local.InfoResponse} [response] InfoResponse
             */

            /**
             * Calls Info.
             * @function info
             * @memberof clusterctl.local.Local
             * @instance
             * @param {clusterctl.local.IInfoRequest} request InfoRequest message or plain object
             * @param {clusterctl.local.Local.InfoCallback} callback Node-style callback called with the error, if any, and InfoResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Local.prototype.info = function info(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, info, $root.clusterctl.local.InfoRequest, $root.clusterctl.local.InfoResponse, request, callback);
            }, "name", { value: "Info" });

            /**
             * Calls Info.
             * @function info
             * @memberof clusterctl.local.Local
             * @instance
             * @param {clusterctl.local.IInfoRequest} request InfoRequest message or plain object
             * @returns {Promise<clusterctl.local.InfoResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.local.Local#leave}.
             * @memberof clusterctl.local.Local
             * @typedef LeaveCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.local.LeaveResponse} [response] LeaveResponse
             */

            /**
             * Calls Leave.
             * @function leave
             * @memberof clusterctl.local.Local
             * @instance
             * @param {clusterctl.local.ILeaveRequest} request LeaveRequest message or plain object
             * @param {clusterctl.local.Local.LeaveCallback} callback Node-style callback called with the error, if any, and LeaveResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Local.prototype.leave = function leave(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, leave, $root.clusterctl.local.LeaveRequest, $root.clusterctl.local.LeaveResponse, request, callback);
            }, "name", { value: "Leave" });

            /**
             * Calls Leave.
             * @function leave
             * @memberof clusterctl.local.Local
             * @instance
             * @param {clusterctl.local.ILeaveRequest} request LeaveRequest message or plain object
             * @returns {Promise<clusterctl.local.LeaveResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.local.Local#backup}.
             * @memberof clusterctl.local.Local
             * @typedef BackupCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.local.BackupChunk} [response] BackupChunk
             */

            /**
             * Calls Backup.
             * @function backup
             * @memberof clusterctl.local.Local
             * @instance
             * @param {clusterctl.local.IBackupRequest} request BackupRequest message or plain object
             * @param {clusterctl.local.Local.BackupCallback} callback Node-style callback called with the error, if any, and BackupChunk
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Local.prototype.backup = function backup(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, backup, $root.clusterctl.local.BackupRequest, $root.clusterctl.local.BackupChunk, request, callback);
            }, "name", { value: "Backup" });

            /**
             * Calls Backup.
             * @function backup
             * @memberof clusterctl.local.Local
             * @instance
             * @param {clusterctl.local.IBackupRequest} request BackupRequest message or plain object
             * @returns {Promise<clusterctl.local.BackupChunk>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.local.Local#unlock}.
             * @memberof clusterctl.local.Local
             * @typedef UnlockCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.local.UnlockResponse} [response] UnlockResponse
             */

            /**
             * Calls Unlock.
             * @function unlock
             * @memberof clusterctl.local.Local
             * @instance
             * @param {clusterctl.local.IUnlockRequest} request UnlockRequest message or plain object
             * @param {clusterctl.local.Local.UnlockCallback} callback Node-style callback called with the error, if any, and UnlockResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Local.prototype.unlock = function unlock(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, unlock, $root.clusterctl.local.UnlockRequest, $root.clusterctl.local.UnlockResponse, request, callback);
            }, "name", { value: "Unlock" });

            /**
             * Calls Unlock.
             * @function unlock
             * @memberof clusterctl.local.Local
             * @instance
             * @param {clusterctl.local.IUnlockRequest} request UnlockRequest message or plain object
             * @returns {Promise<clusterctl.local.UnlockResponse>} Promise
             * @variation 2
             */

            return Local;
        })();

        return local;
    })();

    clusterctl.raft = (function() {

        /**
         * Namespace raft.
         * @memberof clusterctl
         * @namespace
         */
        var raft = {};

        raft.Entry = (function() {

            /**
             * Properties of an Entry.
             * @memberof clusterctl.raft
             * @interface IEntry
             * @property {number|null} [term] Entry term
             * @property {number|null} [index] Entry index
             * @property {number|null} [type] Entry type
             * @property {Uint8Array|null} [data] Entry data
             */

            /**
             * Constructs a new Entry.
             * @memberof clusterctl.raft
             * @classdesc Represents an Entry.
             * @implements IEntry
             * @constructor
             * @param {clusterctl.raft.IEntry=} [properties] Properties to set
             */
            function Entry(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Entry term.
             * @member {number} term
             * @memberof clusterctl.raft.Entry
             * @instance
             */
            Entry.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry index.
             * @member {number} index
             * @memberof clusterctl.raft.Entry
             * @instance
             */
            Entry.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry type.
             * @member {number} type
             * @memberof clusterctl.raft.Entry
             * @instance
             */
            Entry.prototype.type = 0;

            /**
             * Entry data.
             * @member {Uint8Array} data
             * @memberof clusterctl.raft.Entry
             * @instance
             */
            Entry.prototype.data = $util.newBuffer([]);

            /**
             * Encodes the specified Entry message. Does not implicitly {@link clusterctl.raft.Entry.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.raft.Entry
             * @static
             * @param {clusterctl.raft.IEntry} message Entry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Entry.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.term != null && Object.hasOwnProperty.call(message, "term"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.term);
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.index);
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.type);
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.data);
                return writer;
            };

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.raft.Entry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.raft.Entry} Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Entry.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.raft.Entry();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.term = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.index = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.type = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.data = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Entry;
        })();

        raft.ConfState = (function() {

            /**
             * Properties of a ConfState.
             * @memberof clusterctl.raft
             * @interface IConfState
             * @property {Array.<number>|null} [voters] ConfState voters
             * @property {Array.<number>|null} [learners] ConfState learners
             */

            /**
             * Constructs a new ConfState.
             * @memberof clusterctl.raft
             * @classdesc Represents a ConfState.
             * @implements IConfState
             * @constructor
             * @param {clusterctl.raft.IConfState=} [properties] Properties to set
             */
            function ConfState(properties) {
                this.voters = [];
                this.learners = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ConfState voters.
             * @member {Array.<number>} voters
             * @memberof clusterctl.raft.ConfState
             * @instance
             */
            ConfState.prototype.voters = $util.emptyArray;

            /**
             * ConfState learners.
             * @member {Array.<number>} learners
             * @memberof clusterctl.raft.ConfState
             * @instance
             */
            ConfState.prototype.learners = $util.emptyArray;

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link clusterctl.raft.ConfState.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.raft.ConfState
             * @static
             * @param {clusterctl.raft.IConfState} message ConfState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfState.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.voters != null && message.voters.length) {
                    writer.uint32(/* id 1, wireType 2 =*/10).fork();
                    for (var i = 0; i < message.voters.length; ++i)
                        writer.uint64(message.voters[i]);
                    writer.ldelim();
                }
                if (message.learners != null && message.learners.length) {
                    writer.uint32(/* id 2, wireType 2 =*/18).fork();
                    for (var i = 0; i < message.learners.length; ++i)
                        writer.uint64(message.learners[i]);
                    writer.ldelim();
                }
                return writer;
            };

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.raft.ConfState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.raft.ConfState} ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfState.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.raft.ConfState();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.voters && message.voters.length))
                                message.voters = [];
                            if ((tag & 7) === 2) {
                                var end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.voters.push(reader.uint64());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.voters.push(reader.uint64());
                            break;
                        }
                    case 2: {
                            if (!(message.learners && message.learners.length))
                                message.learners = [];
                            if ((tag & 7) === 2) {
                                var end2 = reader.uint32() + reader.pos;
                                if (end2 > reader.len)
                                    throw RangeError("index out of range");
                                reader.len = end2;
                                while (reader.pos < end2)
                                    message.learners.push(reader.uint64());
                                if (reader.pos !== end2)
                                    throw RangeError("index out of range");
                                reader.len = end;
                            } else
                                message.learners.push(reader.uint64());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return ConfState;
        })();

        raft.SnapshotMetadata = (function() {

            /**
             * Properties of a SnapshotMetadata.
             * @memberof clusterctl.raft
             * @interface ISnapshotMetadata
             * @property {number|null} [index] SnapshotMetadata index
             * @property {number|null} [term] SnapshotMetadata term
             * @property {clusterctl.raft.IConfState|null} [confState] SnapshotMetadata confState
             */

            /**
             * Constructs a new SnapshotMetadata.
             * @memberof clusterctl.raft
             * @classdesc Represents a SnapshotMetadata.
             * @implements ISnapshotMetadata
             * @constructor
             * @param {clusterctl.raft.ISnapshotMetadata=} [properties] Properties to set
             */
            function SnapshotMetadata(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SnapshotMetadata index.
             * @member {number} index
             * @memberof clusterctl.raft.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SnapshotMetadata term.
             * @member {number} term
             * @memberof clusterctl.raft.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SnapshotMetadata confState.
             * @member {clusterctl.raft.IConfState|null|undefined} confState
             * @memberof clusterctl.raft.SnapshotMetadata
             * @instance
             */
            SnapshotMetadata.prototype.confState = null;

            /**
             * Encodes the specified SnapshotMetadata message. Does not implicitly {@link clusterctl.raft.SnapshotMetadata.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.raft.SnapshotMetadata
             * @static
             * @param {clusterctl.raft.ISnapshotMetadata} message SnapshotMetadata message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SnapshotMetadata.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.index);
                if (message.term != null && Object.hasOwnProperty.call(message, "term"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.term);
                if (message.confState != null && Object.hasOwnProperty.call(message, "confState"))
                    $root.clusterctl.raft.ConfState.encode(message.confState, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a SnapshotMetadata message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.raft.SnapshotMetadata
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.raft.SnapshotMetadata} SnapshotMetadata
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SnapshotMetadata.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.raft.SnapshotMetadata();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.index = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.term = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.confState = $root.clusterctl.raft.ConfState.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return SnapshotMetadata;
        })();

        raft.Message = (function() {

            /**
             * Properties of a Message.
             * @memberof clusterctl.raft
             * @interface IMessage
             * @property {number|null} [type] Message type
             * @property {number|null} [to] Message to
             * @property {number|null} [from] Message from
             * @property {number|null} [term] Message term
             * @property {number|null} [logTerm] Message logTerm
             * @property {number|null} [index] Message index
             * @property {Array.<clusterctl.raft.IEntry>|null} [entries] Message entries
             * @property {number|null} [commit] Message commit
             * @property {boolean|null} [reject] Message reject
             * @property {number|null} [rejectHint] Message rejectHint
             * @property {Uint8Array|null} [context] Message context
             * @property {clusterctl.raft.ISnapshotMetadata|null} [snapshotMetadata] Message snapshotMetadata
             */

            /**
             * Constructs a new Message.
             * @memberof clusterctl.raft
             * @classdesc Represents a Message.
             * @implements IMessage
             * @constructor
             * @param {clusterctl.raft.IMessage=} [properties] Properties to set
             */
            function Message(properties) {
                this.entries = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Message type.
             * @member {number} type
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.type = 0;

            /**
             * Message to.
             * @member {number} to
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.to = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message from.
             * @member {number} from
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.from = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message term.
             * @member {number} term
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message logTerm.
             * @member {number} logTerm
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.logTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message index.
             * @member {number} index
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message entries.
             * @member {Array.<clusterctl.raft.IEntry>} entries
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.entries = $util.emptyArray;

            /**
             * Message commit.
             * @member {number} commit
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message reject.
             * @member {boolean} reject
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.reject = false;

            /**
             * Message rejectHint.
             * @member {number} rejectHint
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.rejectHint = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message context.
             * @member {Uint8Array} context
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.context = $util.newBuffer([]);

            /**
             * Message snapshotMetadata.
             * @member {clusterctl.raft.ISnapshotMetadata|null|undefined} snapshotMetadata
             * @memberof clusterctl.raft.Message
             * @instance
             */
            Message.prototype.snapshotMetadata = null;

            /**
             * Encodes the specified Message message. Does not implicitly {@link clusterctl.raft.Message.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.raft.Message
             * @static
             * @param {clusterctl.raft.IMessage} message Message message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Message.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.type);
                if (message.to != null && Object.hasOwnProperty.call(message, "to"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.to);
                if (message.from != null && Object.hasOwnProperty.call(message, "from"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.from);
                if (message.term != null && Object.hasOwnProperty.call(message, "term"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.term);
                if (message.logTerm != null && Object.hasOwnProperty.call(message, "logTerm"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.logTerm);
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.index);
                if (message.entries != null && message.entries.length)
                    for (var i = 0; i < message.entries.length; ++i)
                        $root.clusterctl.raft.Entry.encode(message.entries[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (message.commit != null && Object.hasOwnProperty.call(message, "commit"))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.commit);
                if (message.reject != null && Object.hasOwnProperty.call(message, "reject"))
                    writer.uint32(/* id 9, wireType 0 =*/72).bool(message.reject);
                if (message.rejectHint != null && Object.hasOwnProperty.call(message, "rejectHint"))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.rejectHint);
                if (message.context != null && Object.hasOwnProperty.call(message, "context"))
                    writer.uint32(/* id 11, wireType 2 =*/90).bytes(message.context);
                if (message.snapshotMetadata != null && Object.hasOwnProperty.call(message, "snapshotMetadata"))
                    $root.clusterctl.raft.SnapshotMetadata.encode(message.snapshotMetadata, writer.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.raft.Message
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.raft.Message} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Message.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.raft.Message();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.type = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.to = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.from = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.term = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.logTerm = reader.uint64();
                            break;
                        }
                    case 6: {
                            message.index = reader.uint64();
                            break;
                        }
                    case 7: {
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.clusterctl.raft.Entry.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 8: {
                            message.commit = reader.uint64();
                            break;
                        }
                    case 9: {
                            message.reject = reader.bool();
                            break;
                        }
                    case 10: {
                            message.rejectHint = reader.uint64();
                            break;
                        }
                    case 11: {
                            message.context = reader.bytes();
                            break;
                        }
                    case 12: {
                            message.snapshotMetadata = $root.clusterctl.raft.SnapshotMetadata.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Message;
        })();

        raft.MessageBatch = (function() {

            /**
             * Properties of a MessageBatch.
             * @memberof clusterctl.raft
             * @interface IMessageBatch
             * @property {string|null} [clusterId] MessageBatch clusterId
             * @property {number|null} [from] MessageBatch from
             * @property {Array.<clusterctl.raft.IMessage>|null} [messages] MessageBatch messages
             */

            /**
             * Constructs a new MessageBatch.
             * @memberof clusterctl.raft
             * @classdesc Represents a MessageBatch.
             * @implements IMessageBatch
             * @constructor
             * @param {clusterctl.raft.IMessageBatch=} [properties] Properties to set
             */
            function MessageBatch(properties) {
                this.messages = [];
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * MessageBatch clusterId.
             * @member {string} clusterId
             * @memberof clusterctl.raft.MessageBatch
             * @instance
             */
            MessageBatch.prototype.clusterId = "";

            /**
             * MessageBatch from.
             * @member {number} from
             * @memberof clusterctl.raft.MessageBatch
             * @instance
             */
            MessageBatch.prototype.from = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * MessageBatch messages.
             * @member {Array.<clusterctl.raft.IMessage>} messages
             * @memberof clusterctl.raft.MessageBatch
             * @instance
             */
            MessageBatch.prototype.messages = $util.emptyArray;

            /**
             * Encodes the specified MessageBatch message. Does not implicitly {@link clusterctl.raft.MessageBatch.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.raft.MessageBatch
             * @static
             * @param {clusterctl.raft.IMessageBatch} message MessageBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MessageBatch.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.clusterId != null && Object.hasOwnProperty.call(message, "clusterId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.clusterId);
                if (message.from != null && Object.hasOwnProperty.call(message, "from"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.from);
                if (message.messages != null && message.messages.length)
                    for (var i = 0; i < message.messages.length; ++i)
                        $root.clusterctl.raft.Message.encode(message.messages[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a MessageBatch message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.raft.MessageBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.raft.MessageBatch} MessageBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MessageBatch.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.raft.MessageBatch();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.clusterId = reader.string();
                            break;
                        }
                    case 2: {
                            message.from = reader.uint64();
                            break;
                        }
                    case 3: {
                            if (!(message.messages && message.messages.length))
                                message.messages = [];
                            message.messages.push($root.clusterctl.raft.Message.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return MessageBatch;
        })();

        raft.SendAck = (function() {

            /**
             * Properties of a SendAck.
             * @memberof clusterctl.raft
             * @interface ISendAck
             */

            /**
             * Constructs a new SendAck.
             * @memberof clusterctl.raft
             * @classdesc Represents a SendAck.
             * @implements ISendAck
             * @constructor
             * @param {clusterctl.raft.ISendAck=} [properties] Properties to set
             */
            function SendAck(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Encodes the specified SendAck message. Does not implicitly {@link clusterctl.raft.SendAck.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.raft.SendAck
             * @static
             * @param {clusterctl.raft.ISendAck} message SendAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SendAck.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes a SendAck message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.raft.SendAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.raft.SendAck} SendAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SendAck.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.raft.SendAck();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return SendAck;
        })();

        raft.SnapshotChunk = (function() {

            /**
             * Properties of a SnapshotChunk.
             * @memberof clusterctl.raft
             * @interface ISnapshotChunk
             * @property {string|null} [clusterId] SnapshotChunk clusterId
             * @property {clusterctl.raft.IMessage|null} [message] SnapshotChunk message
             * @property {Uint8Array|null} [data] SnapshotChunk data
             * @property {boolean|null} [last] SnapshotChunk last
             */

            /**
             * Constructs a new SnapshotChunk.
             * @memberof clusterctl.raft
             * @classdesc Represents a SnapshotChunk.
             * @implements ISnapshotChunk
             * @constructor
             * @param {clusterctl.raft.ISnapshotChunk=} [properties] Properties to set
             */
            function SnapshotChunk(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SnapshotChunk clusterId.
             * @member {string} clusterId
             * @memberof clusterctl.raft.SnapshotChunk
             * @instance
             */
            SnapshotChunk.prototype.clusterId = "";

            /**
             * SnapshotChunk message.
             * @member {clusterctl.raft.IMessage|null|undefined} message
             * @memberof clusterctl.raft.SnapshotChunk
             * @instance
             */
            SnapshotChunk.prototype.message = null;

            /**
             * SnapshotChunk data.
             * @member {Uint8Array} data
             * @memberof clusterctl.raft.SnapshotChunk
             * @instance
             */
            SnapshotChunk.prototype.data = $util.newBuffer([]);

            /**
             * SnapshotChunk last.
             * @member {boolean} last
             * @memberof clusterctl.raft.SnapshotChunk
             * @instance
             */
            SnapshotChunk.prototype.last = false;

            /**
             * Encodes the specified SnapshotChunk message. Does not implicitly {@link clusterctl.raft.SnapshotChunk.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.raft.SnapshotChunk
             * @static
             * @param {clusterctl.raft.ISnapshotChunk} message SnapshotChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SnapshotChunk.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.clusterId != null && Object.hasOwnProperty.call(message, "clusterId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.clusterId);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    $root.clusterctl.raft.Message.encode(message.message, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.last != null && Object.hasOwnProperty.call(message, "last"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.last);
                return writer;
            };

            /**
             * Decodes a SnapshotChunk message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.raft.SnapshotChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.raft.SnapshotChunk} SnapshotChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SnapshotChunk.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.raft.SnapshotChunk();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.clusterId = reader.string();
                            break;
                        }
                    case 2: {
                            message.message = $root.clusterctl.raft.Message.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.last = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return SnapshotChunk;
        })();

        raft.SnapshotAck = (function() {

            /**
             * Properties of a SnapshotAck.
             * @memberof clusterctl.raft
             * @interface ISnapshotAck
             * @property {boolean|null} [applied] SnapshotAck applied
             */

            /**
             * Constructs a new SnapshotAck.
             * @memberof clusterctl.raft
             * @classdesc Represents a SnapshotAck.
             * @implements ISnapshotAck
             * @constructor
             * @param {clusterctl.raft.ISnapshotAck=} [properties] Properties to set
             */
            function SnapshotAck(properties) {
                if (properties)
                    for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SnapshotAck applied.
             * @member {boolean} applied
             * @memberof clusterctl.raft.SnapshotAck
             * @instance
             */
            SnapshotAck.prototype.applied = false;

            /**
             * Encodes the specified SnapshotAck message. Does not implicitly {@link clusterctl.raft.SnapshotAck.verify|verify} messages.
             * @function encode
             * @memberof clusterctl.raft.SnapshotAck
             * @static
             * @param {clusterctl.raft.ISnapshotAck} message SnapshotAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SnapshotAck.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.applied != null && Object.hasOwnProperty.call(message, "applied"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.applied);
                return writer;
            };

            /**
             * Decodes a SnapshotAck message from the specified reader or buffer.
             * @function decode
             * @memberof clusterctl.raft.SnapshotAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clusterctl.raft.SnapshotAck} SnapshotAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SnapshotAck.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.clusterctl.raft.SnapshotAck();
                while (reader.pos < end) {
                    var tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.applied = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return SnapshotAck;
        })();

        raft.RaftTransport = (function() {

            /**
             * Constructs a new RaftTransport service.
             * @memberof clusterctl.raft
             * @classdesc Represents a RaftTransport
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function RaftTransport(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (RaftTransport.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = RaftTransport;

            /**
             * Callback as used by {@link clusterctl.raft.RaftTransport#send}.
             * @memberof clusterctl.raft.RaftTransport
             * @typedef SendCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.raft.SendAck} [response] SendAck
             */

            /**
             * Calls Send.
             * @function send
             * @memberof clusterctl.raft.RaftTransport
             * @instance
             * @param {clusterctl.raft.IMessageBatch} request MessageBatch message or plain object
             * @param {clusterctl.raft.RaftTransport.SendCallback} callback Node-style callback called with the error, if any, and SendAck
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(RaftTransport.prototype.send = function send(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, send, $root.clusterctl.raft.MessageBatch, $root.clusterctl.raft.SendAck, request, callback);
            }, "name", { value: "Send" });

            /**
             * Calls Send.
             * @function send
             * @memberof clusterctl.raft.RaftTransport
             * @instance
             * @param {clusterctl.raft.IMessageBatch} request MessageBatch message or plain object
             * @returns {Promise<clusterctl.raft.SendAck>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link clusterctl.raft.RaftTransport#sendSnapshot}.
             * @memberof clusterctl.raft.RaftTransport
             * @typedef SendSnapshotCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {clusterctl.raft.SnapshotAck} [response] SnapshotAck
             */

            /**
             * Calls SendSnapshot.
             * @function sendSnapshot
             * @memberof clusterctl.raft.RaftTransport
             * @instance
             * @param {clusterctl.raft.ISnapshotChunk} request SnapshotChunk message or plain object
             * @param {clusterctl.raft.RaftTransport.SendSnapshotCallback} callback Node-style callback called with the error, if any, and SnapshotAck
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(RaftTransport.prototype.sendSnapshot = function sendSnapshot(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, sendSnapshot, $root.clusterctl.raft.SnapshotChunk, $root.clusterctl.raft.SnapshotAck, request, callback);
            }, "name", { value: "SendSnapshot" });

            /**
             * Calls SendSnapshot.
             * @function sendSnapshot
             * @memberof clusterctl.raft.RaftTransport
             * @instance
             * @param {clusterctl.raft.ISnapshotChunk} request SnapshotChunk message or plain object
             * @returns {Promise<clusterctl.raft.SnapshotAck>} Promise
             * @variation 2
             */

            return RaftTransport;
        })();

        return raft;
    })();

    return clusterctl;
})();

module.exports = $root;
