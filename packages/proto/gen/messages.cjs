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
