#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
__webpack_unused_export__ = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
__webpack_unused_export__ = identity.isScalar;
__webpack_unused_export__ = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/reporter.js
/** Logs to a terminal: information to stderr so that stdout stays clean for `--json`. */
class ConsoleReporter {
    write;
    quiet;
    constructor(write = line => process.stderr.write(line + '\n'), quiet = false) {
        this.write = write;
        this.quiet = quiet;
    }
    info(message) {
        if (!this.quiet)
            this.write(message);
    }
    notice(message, ref) {
        this.write(`notice: ${ref?.file ? `${ref.file}: ` : ''}${message}`);
    }
    warning(message, ref) {
        this.write(`warning: ${ref?.file ? `${ref.file}: ` : ''}${message}`);
    }
    error(message, ref) {
        this.write(`error: ${ref?.file ? `${ref.file}: ` : ''}${message}`);
    }
    async group(name, fn) {
        this.info(`== ${name}`);
        return fn();
    }
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./build/tmp/js/src/cli-options.js

/** A bad command line: printed without a stack, exit code 2. */
class UsageError extends Error {
}
/** Options `plan` and `run` share (node:util parseArgs form). */
const PLAN_OPTIONS = {
    repo: { type: 'string' },
    json: { type: 'boolean' },
    context: { type: 'string' },
    'no-force': { type: 'boolean' },
    'skip-tests': { type: 'boolean' },
    'skip-verify': { type: 'boolean' },
    'target-coverage': { type: 'string' },
    trigger: { type: 'string' },
    before: { type: 'string' },
    after: { type: 'string' },
    units: { type: 'string' },
    'notes-ref': { type: 'string' },
    'no-notes': { type: 'boolean' },
    remote: { type: 'string' },
    'no-fetch': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
/** A number option in a range, or undefined when absent; a bad value is a {@link UsageError} naming it. */
function optionalNumber(name, raw, min, max) {
    if (raw === undefined)
        return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
        throw new UsageError(`${name} must be a number from ${min} to ${max}; got "${raw}".`);
    }
    return n;
}
/** The planning options a command line asks for. */
function planOptionsFrom(values) {
    return {
        repoRoot: external_node_path_namespaceObject.resolve(values.repo ?? '.'),
        env: process.env,
        context: values.context,
        force: !values['no-force'],
        skipTests: values['skip-tests'] ?? false,
        skipVerify: values['skip-verify'] ?? false,
        targetCoverage: optionalNumber('--target-coverage', values['target-coverage'], 0, 100),
        scope: {
            trigger: values.trigger ?? 'schedule',
            before: values.before,
            after: values.after,
            units: values.units
                ?.split(',')
                .map(s => s.trim())
                .filter(Boolean)
        },
        notesRef: values['no-notes'] ? null : (values['notes-ref'] ?? 'refs/notes/pdd-sync'),
        remote: values['no-fetch'] ? null : (values.remote ?? 'origin')
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/process.js

/**
 * Runs an executable with an argv array — never through a shell — and collects its output.
 * The child gets its own process group so that an abort reaches everything it started.
 */
async function runProcess(file, args, opts) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
            cwd: opts.cwd,
            env: opts.env ?? process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true
        });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        const onAbort = () => killGroup(child.pid, 'SIGTERM');
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        child.on('error', e => {
            opts.signal?.removeEventListener('abort', onAbort);
            reject(e);
        });
        child.on('close', (code, signal) => {
            opts.signal?.removeEventListener('abort', onAbort);
            resolve({
                code,
                signal,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8')
            });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(opts.input ?? '');
    });
}
/** Sends a signal to a whole process group; a group that is already gone is not an error. */
function killGroup(pid, sig) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, sig);
    }
    catch {
        // The group has exited already.
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/git.js





/** A git command that failed: carries the arguments, the exit code and stderr. */
class GitError extends Error {
    args;
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        super(`git ${args.join(' ')} failed (exit ${String(exitCode)}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'GitError';
    }
}
const MIN_GIT = [2, 25];
/** `GIT_CONFIG_COUNT` (per-command config through the environment, used by {@link Git.withAuth}) needs 2.31. */
const MIN_GIT_ENV_CONFIG = [2, 31];
/**
 * The `GIT_CONFIG_*` variables that make git send `AUTHORIZATION: basic base64(x-access-token:<token>)` to
 * `serverUrl`, appended after any `GIT_CONFIG_COUNT` entries `env` already has. The header key is
 * URL-specific (`http.<origin>/.extraheader`) and is first set to the empty value: an empty value resets the
 * multi-valued header list, which drops the header `actions/checkout` persisted (under the same key, through
 * `includeIf`) so that exactly one Authorization header is sent. A url-less `http.extraheader=` would NOT do:
 * git ignores a less specific URL match once a more specific one was seen (verified with git 2.39.5).
 */
function authConfigEnv(env, token, serverUrl) {
    const key = `http.${new URL(serverUrl).origin}/.extraheader`;
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    const n = Number(env.GIT_CONFIG_COUNT ?? '0');
    const start = Number.isInteger(n) && n > 0 ? n : 0;
    const out = {};
    const entries = [
        [key, ''],
        [key, `AUTHORIZATION: basic ${basic}`]
    ];
    entries.forEach(([k, v], i) => {
        out[`GIT_CONFIG_KEY_${start + i}`] = k;
        out[`GIT_CONFIG_VALUE_${start + i}`] = v;
    });
    out.GIT_CONFIG_COUNT = String(start + entries.length);
    return out;
}
/** The strings {@link Git.withAuth} redacts from error messages: the token and its basic-auth encoding. */
function tokenSecrets(token) {
    return [token, Buffer.from(`x-access-token:${token}`).toString('base64')].filter(s => s !== '');
}
/** Replaces every occurrence of each secret with `***`. */
function redactSecrets(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s !== '')
            out = out.split(s).join('***');
    return out;
}
/** One queue of worktree operations per repository (keyed by the main work tree's path). */
const worktreeLocks = new Map();
/**
 * The git adapter: every git call of the action goes through here, with a non-interactive environment.
 * Created by {@link Git.open}, which checks that git exists and is recent enough.
 */
class Git {
    root;
    env;
    commonKey;
    version;
    secrets;
    constructor(
    /** Top level of the work tree. */
    root, env, 
    /** The main work tree this one belongs to (itself for the main one). */
    commonKey = root, 
    /** `git --version` as [major, minor]. */
    version = MIN_GIT, 
    /** Strings never to show in an error message (tokens given to {@link withAuth}). */
    secrets = []) {
        this.root = root;
        this.env = env;
        this.commonKey = commonKey;
        this.version = version;
        this.secrets = secrets;
    }
    /** Opens the repository that contains `dir`; fails with a clear message when git is missing or too old. */
    static async open(dir, extraEnv = {}) {
        const env = {
            ...process.env,
            ...extraEnv,
            GIT_TERMINAL_PROMPT: '0',
            GIT_ASKPASS: 'echo',
            LC_ALL: 'C'
        };
        let version;
        try {
            version = (await runProcess('git', ['--version'], { cwd: dir, env })).stdout;
        }
        catch {
            throw new Error('git was not found on PATH: pdd-sync needs git (2.25 or newer).');
        }
        const m = /(\d+)\.(\d+)/.exec(version);
        if (!m || Number(m[1]) < MIN_GIT[0] || (Number(m[1]) === MIN_GIT[0] && Number(m[2]) < MIN_GIT[1])) {
            throw new Error(`git 2.25 or newer is needed; found "${version.trim()}".`);
        }
        const top = await runProcess('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env });
        if (top.code !== 0)
            throw new Error(`${dir} is not inside a git repository: ${top.stderr.trim()}`);
        return new Git(top.stdout.trim(), env, undefined, [Number(m[1]), Number(m[2])]);
    }
    /**
     * The same repository, with every command (fetches and pushes included) authenticated by `token` for
     * `serverUrl` (e.g. `https://github.com`) through `GIT_CONFIG_*` environment variables: nothing is written to
     * the git config, and the header `actions/checkout` persisted is replaced, not doubled (see
     * {@link authConfigEnv}). The token and its encoding are redacted from every {@link GitError}.
     */
    withAuth(token, serverUrl) {
        const [major, minor] = this.version;
        if (major < MIN_GIT_ENV_CONFIG[0] || (major === MIN_GIT_ENV_CONFIG[0] && minor < MIN_GIT_ENV_CONFIG[1])) {
            throw new Error(`A push token needs git 2.31 or newer (GIT_CONFIG_COUNT); found ${major}.${minor}.`);
        }
        const env = { ...this.env, ...authConfigEnv(this.env, token, serverUrl) };
        return new Git(this.root, env, this.commonKey, this.version, [...this.secrets, ...tokenSecrets(token)]);
    }
    /**
     * Adapter-internal (for `src/adapters/git-*.ts` only; everything else uses the intent-named methods): runs
     * one git command here and returns its result without throwing on a non-zero exit. stderr is redacted.
     * `env` adds variables for this command only (an explicit identity, for example).
     */
    async runRaw(args, opts = {}) {
        const env = opts.env ? { ...this.env, ...opts.env } : this.env;
        const r = await runProcess('git', args, { cwd: this.root, env, input: opts.input });
        return { ...r, stderr: redactSecrets(r.stderr, this.secrets) };
    }
    async exec(args, input) {
        const r = await runProcess('git', args, { cwd: this.root, env: this.env, input });
        if (r.code !== 0)
            throw new GitError(args, r.code, redactSecrets(r.stderr, this.secrets));
        return r.stdout;
    }
    async ok(args) {
        const r = await runProcess('git', args, { cwd: this.root, env: this.env });
        return r.code === 0;
    }
    /** The commit a revision names, or null when it does not resolve to a commit here. */
    async commitOf(rev) {
        const r = await runProcess('git', ['rev-parse', '-q', '--verify', `${rev}^{commit}`], {
            cwd: this.root,
            env: this.env
        });
        return r.code === 0 ? r.stdout.trim() : null;
    }
    /** The branch checked out, or null on a detached HEAD. */
    async currentBranch() {
        const r = await runProcess('git', ['symbolic-ref', '--quiet', '--short', 'HEAD'], {
            cwd: this.root,
            env: this.env
        });
        return r.code === 0 ? r.stdout.trim() : null;
    }
    /** Whether a ref exists locally. */
    async refExists(ref) {
        return this.ok(['rev-parse', '-q', '--verify', ref]);
    }
    /** Whether the clone is shallow (as `actions/checkout` leaves it by default). */
    async isShallow() {
        return (await this.exec(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    }
    /** Whether a remote of that name is configured. */
    async hasRemote(name) {
        return (await this.exec(['remote'])).split('\n').includes(name);
    }
    /** Fetches one commit (and its tree) by id from a remote, for a shallow clone that lacks it. */
    async fetchCommit(remote, sha) {
        return this.ok(['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', remote, sha]);
    }
    /** Paths (repository-relative) that differ between two commits; renames count as both paths. */
    async changedFiles(from, to) {
        const out = await this.exec(['diff', '--name-only', '--no-renames', '-z', from, to, '--']);
        return out.split('\0').filter(p => p !== '');
    }
    /**
     * Fetches a remote ref into a local scratch ref (forced: the scratch ref is ours).
     * Returns false when the remote does not have the ref — an absent notes ref is empty history.
     */
    async fetchRefInto(remote, ref, scratch) {
        const args = ['fetch', '--no-tags', '--no-recurse-submodules', remote, `+${ref}:${scratch}`];
        const r = await runProcess('git', args, { cwd: this.root, env: this.env });
        if (r.code === 0)
            return true;
        if (/couldn't find remote ref|no such ref/i.test(r.stderr))
            return false;
        throw new GitError(args, r.code, redactSecrets(r.stderr, this.secrets));
    }
    /** Every blob below a tree-ish, recursively (notes trees may be fanned out into folders). */
    async listBlobs(treeish) {
        const out = await this.exec(['ls-tree', '-r', '-z', '--full-tree', treeish]);
        const blobs = [];
        for (const entry of out.split('\0')) {
            const tab = entry.indexOf('\t');
            if (tab < 0)
                continue;
            const [, type, oid] = entry.slice(0, tab).split(' ');
            if (type === 'blob' && oid)
                blobs.push({ oid, path: entry.slice(tab + 1) });
        }
        return blobs;
    }
    /** The same repository seen from another work tree (a `git worktree` of it). */
    at(dir) {
        return new Git(dir, this.env, this.commonKey, this.version, this.secrets);
    }
    /** Adds a detached work tree at `dir` checked out at `commit`. */
    async addWorktree(dir, commit) {
        await this.serialized(() => this.exec(['worktree', 'add', '--detach', '--quiet', dir, commit]));
        return this.at(dir);
    }
    /** Removes a work tree and everything in it (rollback is free: nothing of it is kept). */
    async removeWorktree(dir) {
        await this.serialized(async () => {
            await this.exec(['worktree', 'remove', '--force', dir]).catch(() => undefined);
            await this.exec(['worktree', 'prune']);
        });
    }
    /**
     * Runs worktree bookkeeping one at a time: concurrent `git worktree add` calls race on the administrative
     * folders under `.git/worktrees` ("failed to read …/commondir").
     */
    serialized(fn) {
        const key = this.commonKey;
        const prev = worktreeLocks.get(key) ?? Promise.resolve();
        const next = prev.then(fn, fn);
        worktreeLocks.set(key, next.catch(() => undefined));
        return next;
    }
    /** Which of these directories hold at least one tracked file. */
    async trackedUnder(dirs) {
        const out = [];
        for (const d of new Set(dirs)) {
            const files = await this.exec(['ls-files', '-z', '--', `:(literal)${d === '' ? '.' : d}`]);
            if (files !== '')
                out.push(d);
        }
        return out;
    }
    /** Paths (relative to the work tree) that differ from HEAD, untracked ones included. */
    async dirtyPaths() {
        const out = await this.exec(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
        return out
            .split('\0')
            .filter(e => e.length > 3)
            .map(e => e.slice(3));
    }
    /**
     * Commits exactly these paths (additions, changes and deletions) with a fixed identity and no hooks.
     * Returns the new commit, or null when the paths hold no change.
     */
    async commitPaths(paths, message, who) {
        if (paths.length === 0)
            return null;
        // Literal pathspecs: file names are data, never globs. Missing files are deletions (or nothing at all).
        const present = paths.filter(p => (0,external_node_fs_namespaceObject.existsSync)(external_node_path_namespaceObject.join(this.root, p))).map(p => `:(literal)${p}`);
        const missing = paths.filter(p => !(0,external_node_fs_namespaceObject.existsSync)(external_node_path_namespaceObject.join(this.root, p))).map(p => `:(literal)${p}`);
        if (present.length > 0)
            await this.exec(['add', '-A', '--', ...present]);
        if (missing.length > 0)
            await this.exec(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...missing]);
        // One process fewer than asking first: git says "nothing to commit" (exit 1) when nothing is staged.
        const r = await this.runRaw([
            '-c',
            `user.name=${who.name}`,
            '-c',
            `user.email=${who.email}`,
            'commit',
            '--quiet',
            '--no-verify',
            '-m',
            message
        ]);
        if (r.code !== 0) {
            if (/nothing (added )?to commit|no changes added to commit/i.test(r.stdout + r.stderr))
                return null;
            throw new GitError(['commit'], r.code, r.stderr || r.stdout);
        }
        return (await this.exec(['rev-parse', 'HEAD'])).trim();
    }
    /**
     * Re-applies `commit` on top of `onto` in this (clean, detached) work tree. Returns the new commit, or null
     * on a conflict, in which case the work tree is left clean at `onto`.
     */
    async replay(commit, onto, who) {
        await this.exec(['checkout', '--quiet', '--detach', onto]);
        const r = await runProcess('git', [
            '-c',
            `user.name=${who.name}`,
            '-c',
            `user.email=${who.email}`,
            'cherry-pick',
            '--allow-empty',
            commit
        ], { cwd: this.root, env: this.env });
        if (r.code === 0)
            return (await this.exec(['rev-parse', 'HEAD'])).trim();
        await runProcess('git', ['cherry-pick', '--abort'], { cwd: this.root, env: this.env });
        return null;
    }
    /** Moves a ref to `to`, only if it still points at `from` (compare-and-swap; `from` null = must not exist). */
    async updateRef(ref, to, from) {
        await this.exec(['update-ref', ref, to, from ?? '0'.repeat(40)]);
    }
    /** Reads many objects with ONE `git cat-file --batch` process. Missing objects are left out. */
    async readObjects(oids) {
        return catFileBatch(this.root, this.env, oids);
    }
}
/**
 * One `git cat-file --batch` process whose stdin and stdout are temp files rather than pipes: the child runs to
 * the end on its own even while this thread is busy with synchronous work (discovery), instead of stalling on a
 * full pipe. The process is spawned before this function first awaits.
 */
async function catFileBatch(cwd, env, oids) {
    const result = new Map();
    if (oids.length === 0)
        return result;
    const dir = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_namespaceObject.join((0,external_node_os_namespaceObject.tmpdir)(), 'pdd-sync-cat-'));
    try {
        const inFile = external_node_path_namespaceObject.join(dir, 'in');
        const outFile = external_node_path_namespaceObject.join(dir, 'out');
        (0,external_node_fs_namespaceObject.writeFileSync)(inFile, oids.join('\n') + '\n');
        const fdIn = (0,external_node_fs_namespaceObject.openSync)(inFile, 'r');
        const fdOut = (0,external_node_fs_namespaceObject.openSync)(outFile, 'w');
        let stderr = '';
        const done = new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_namespaceObject.spawn)('git', ['cat-file', '--batch'], { cwd, env, stdio: [fdIn, fdOut, 'pipe'] });
            child.stderr?.on('data', (b) => (stderr += b.toString()));
            child.on('error', reject);
            child.on('close', resolve);
        });
        (0,external_node_fs_namespaceObject.closeSync)(fdIn);
        (0,external_node_fs_namespaceObject.closeSync)(fdOut);
        const code = await done;
        if (code !== 0)
            throw new GitError(['cat-file', '--batch'], code, stderr);
        parseBatch((0,external_node_fs_namespaceObject.readFileSync)(outFile), result);
        return result;
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    }
}
/** Parses `git cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n`, or `<oid> missing\n`. */
function parseBatch(buf, into) {
    let pos = 0;
    while (pos < buf.length) {
        const nl = buf.indexOf(10, pos);
        if (nl < 0)
            return;
        const header = buf.toString('utf8', pos, nl).split(' ');
        if (header[1] === 'missing' || header.length < 3) {
            pos = nl + 1;
            continue;
        }
        const size = Number(header[2]);
        into.set(header[0] ?? '', buf.subarray(nl + 1, nl + 1 + size));
        pos = nl + 1 + size + 1;
    }
}

;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/pdd-process.js
/**
 * Runs `pdd` as a child process: argv only (never a shell), its own process group, a timeout and an abort signal
 * that reach everything it started, output streamed line by line and a tail kept for the report.
 */






/** The executable could not be started at all. */
class PddExecutableError extends Error {
    executable;
    errno;
    constructor(executable, errno, message) {
        super(message);
        this.executable = executable;
        this.errno = errno;
        this.name = 'PddExecutableError';
    }
}
/** Runs one `pdd` command to its end, its timeout or its abort, and never rejects for a non-zero exit. */
async function runPdd(opts) {
    const [file, ...args] = opts.argv;
    if (file === undefined)
        throw new PddExecutableError('', 'EINVAL', 'pdd command is empty');
    const started = Date.now();
    const out = new LineCollector('stdout', opts);
    const err = new LineCollector('stderr', opts);
    if (opts.signal?.aborted)
        return finish({ code: null, signal: null, cancelled: true }, started, out, err);
    const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
        cwd: opts.cwd,
        env: opts.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true
    });
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    const stop = new GroupStopper(child.pid, opts.graceMs ?? 10_000);
    const cleanup = watch(opts, stop, started);
    return new Promise((resolve, reject) => {
        child.on('error', (e) => {
            cleanup();
            reject(executableError(file, e));
        });
        // A finished sync must not leave helpers (test runners, agent CLIs) writing into a worktree that is about
        // to be committed, and a helper holding the pipes open would otherwise delay 'close' for ever.
        child.on('exit', () => killGroup(child.pid, 'SIGKILL'));
        child.on('close', (code, signal) => {
            cleanup();
            out.end();
            err.end();
            const ending = {
                code,
                signal,
                timedOut: stop.reason === 'timeout',
                cancelled: stop.reason === 'cancel'
            };
            resolve(finish(ending, started, out, err));
        });
    });
}
/** Starts the timeout, the abort listener and the heartbeat; returns what stops them. */
function watch(opts, stop, started) {
    const timer = setTimeout(() => stop.stop('timeout'), opts.timeoutMs);
    const onAbort = () => stop.stop('cancel');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const beat = opts.onHeartbeat;
    const heartbeat = beat
        ? setInterval(() => beat(Date.now() - started), opts.heartbeatMs ?? 30_000)
        : undefined;
    return () => {
        clearTimeout(timer);
        if (heartbeat)
            clearInterval(heartbeat);
        opts.signal?.removeEventListener('abort', onAbort);
        stop.dispose();
    };
}
/** The version `<command> --version` prints (`pdd, version 0.0.310` → `0.0.310`). */
async function pddVersion(command, env, timeoutMs = 120_000) {
    // Even `pdd --version` creates litellm_cache.sqlite/ in its working directory: keep it out of the repository.
    const cwd = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_namespaceObject.join((0,external_node_os_namespaceObject.tmpdir)(), 'pdd-version-'));
    try {
        const r = await runPdd({ argv: [...command, '--version'], cwd, env, timeoutMs, graceMs: 2_000 });
        const shown = command.join(' ');
        const seconds = Number((timeoutMs / 1000).toFixed(1));
        if (r.timedOut)
            throw new Error(`\`${shown} --version\` did not answer within ${seconds} s`);
        const text = [...r.stdoutTail, ...r.stderrTail].join('\n');
        const m = /\bpdd(?:-cli)?, version (\S+)/.exec(text);
        if (r.code !== 0 || !m?.[1]) {
            const tail = r.stderrTail.concat(r.stdoutTail).slice(-5).join(' | ');
            throw new Error(`\`${shown} --version\` did not print "pdd, version X" (exit code ${r.code}): ${tail}`);
        }
        return m[1];
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(cwd, { recursive: true, force: true });
    }
}
function executableError(file, e) {
    if (e.code === 'ENOENT') {
        return new PddExecutableError(file, e.code, `pdd executable not found: ${file} (set pdd-command or install pdd-cli)`);
    }
    if (e.code === 'EACCES')
        return new PddExecutableError(file, e.code, `pdd executable is not executable: ${file}`);
    return new PddExecutableError(file, e.code ?? 'UNKNOWN', `cannot start pdd executable ${file}: ${e.message}`);
}
function finish(end, started, out, err) {
    return {
        code: end.code,
        signal: end.signal,
        timedOut: end.timedOut ?? false,
        cancelled: end.cancelled ?? false,
        stdoutTail: out.tail,
        stderrTail: err.tail,
        stdout: out.all.join('\n'),
        durationMs: Date.now() - started
    };
}
/** SIGTERM to the whole group, then SIGKILL after the grace period. The first reason wins. */
class GroupStopper {
    pid;
    graceMs;
    reason = null;
    kill;
    constructor(pid, graceMs) {
        this.pid = pid;
        this.graceMs = graceMs;
    }
    stop(reason) {
        if (this.reason !== null)
            return;
        this.reason = reason;
        killGroup(this.pid, 'SIGTERM');
        this.kill = setTimeout(() => killGroup(this.pid, 'SIGKILL'), this.graceMs);
    }
    dispose() {
        if (this.kill)
            clearTimeout(this.kill);
    }
}
/** Splits a byte stream into lines (`\n`, `\r\n` and a lone `\r` each end one), keeping a tail and all lines. */
class LineCollector {
    stream;
    opts;
    tail = [];
    all = [];
    decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    partial = '';
    lastWasCr = false;
    chars = 0;
    constructor(stream, opts) {
        this.stream = stream;
        this.opts = opts;
    }
    push(chunk) {
        this.feed(this.decoder.write(chunk));
    }
    end() {
        this.feed(this.decoder.end());
        if (this.partial !== '')
            this.emit(this.partial);
        this.partial = '';
    }
    feed(text) {
        // A `\r\n` split across two chunks is one line end.
        const body = this.lastWasCr && text.startsWith('\n') ? text.slice(1) : text;
        this.lastWasCr = body.endsWith('\r');
        if (body === '')
            return;
        const parts = body.split(/\r\n|\r|\n/);
        const rest = parts.pop() ?? '';
        for (const part of parts) {
            this.emit(this.partial + part);
            this.partial = '';
        }
        this.partial += rest;
    }
    emit(line) {
        this.opts.onLine?.(this.stream, line);
        this.tail.push(line);
        if (this.tail.length > (this.opts.tailLines ?? 40))
            this.tail.shift();
        if (this.stream !== 'stdout')
            return;
        this.all.push(line);
        this.chars += line.length + 1;
        const max = this.opts.maxStdoutChars ?? 16 * 1024 * 1024;
        while (this.chars > max && this.all.length > 1)
            this.chars -= (this.all.shift() ?? '').length + 1;
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/git-replay.js
/**
 * Re-applies `commit` (whose parent is an older head) on top of `onto` without a work tree: `git merge-tree
 * --write-tree onto commit` merges from their merge base — the commit's parent, an ancestor of `onto` — which is
 * a cherry-pick, then `commit-tree` records it with the original message. Returns the new commit, null on a
 * conflict, or undefined when this git (< 2.38) has no `merge-tree --write-tree`, so the caller replays in a
 * work tree instead.
 */
async function replayWithoutWorktree(git, commit, onto, who) {
    const merged = await git.runRaw(['merge-tree', '--write-tree', '--no-messages', onto, commit]);
    if (merged.code === 1)
        return null;
    if (merged.code !== 0)
        return undefined;
    const tree = merged.stdout.split('\n')[0]?.trim() ?? '';
    if (!/^[0-9a-f]{40,64}$/.test(tree))
        return undefined;
    const message = await git.runRaw(['log', '-1', '--format=%B', commit]);
    if (message.code !== 0)
        return undefined;
    const made = await git.runRaw(['commit-tree', tree, '-p', onto, '-F', '-'], {
        input: message.stdout,
        env: {
            GIT_AUTHOR_NAME: who.name,
            GIT_AUTHOR_EMAIL: who.email,
            GIT_COMMITTER_NAME: who.name,
            GIT_COMMITTER_EMAIL: who.email
        }
    });
    return made.code === 0 ? made.stdout.trim() : undefined;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/shards.js
/** Operations that mean "no work": such units never go into a shard. */
const NO_WORK = new Set(['nothing', 'all_synced']);
/**
 * Splits the units that have work into at most `maxShards` shards. Units of one basename, and units joined by
 * a dependency chain, stay in one shard (union-find); components are packed largest first into the lightest
 * shard (by estimated cost, then unit count), so shards come out balanced.
 */
function makeShards(units, maxShards) {
    const work = units.filter(u => !NO_WORK.has(u.operation));
    const parent = new Map();
    const find = (x) => {
        let r = x;
        while (parent.get(r) !== r)
            r = parent.get(r);
        parent.set(x, r);
        return r;
    };
    const union = (a, b) => {
        if (parent.has(a) && parent.has(b))
            parent.set(find(a), find(b));
    };
    for (const u of work)
        parent.set(u.id, u.id);
    const firstOfGroup = new Map();
    for (const u of work) {
        const g = firstOfGroup.get(u.basename);
        if (g)
            union(u.id, g);
        else
            firstOfGroup.set(u.basename, u.id);
        for (const d of u.dependsOn)
            union(u.id, d);
    }
    const comps = new Map();
    for (const u of work) {
        const r = find(u.id);
        comps.set(r, [...(comps.get(r) ?? []), u]);
    }
    const weight = (c) => c.reduce((a, u) => a + u.estimatedCost, 0);
    const sorted = [...comps.values()].sort((a, b) => weight(b) - weight(a) || b.length - a.length);
    const n = Math.max(1, Math.min(Math.floor(maxShards), sorted.length));
    const bins = Array.from({ length: n }, () => ({
        units: [],
        cost: 0
    }));
    for (const c of sorted) {
        const bin = bins.reduce((best, b) => b.cost < best.cost || (b.cost === best.cost && b.units.length < best.units.length) ? b : best);
        bin.units.push(...c);
        bin.cost += weight(c);
    }
    const order = new Map(units.map((u, i) => [u.id, i]));
    return bins
        .filter(b => b.units.length > 0)
        .map((b, i) => ({
        shard: i,
        units: b.units.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0)).map(u => u.id),
        estimatedCost: Math.round(b.cost * 10000) / 10000
    }));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/budget.js
/**
 * The job's budget ledger (design.md "Budget per job"). Pure: no I/O.
 *
 * Before a group starts it is admitted: the remaining budget (total − spent − reserved by running groups) must
 * cover its estimate. The admitted amount is reserved and passed to `pdd sync --budget`, so concurrent groups
 * cannot jointly overspend. PDD checks its budget only between operations, so admission is the only hard cap;
 * after the sync the real cost is booked and the reservation released.
 */
/** Rounds dollars to 6 decimals, the precision of PDD's cost column. */
function dollars(x) {
    return Math.round(x * 1e6) / 1e6;
}
/** The per-job ledger: admit before a group starts, book after it ends. */
class BudgetLedger {
    total;
    spentSoFar = 0;
    reservations = new Map();
    bookings = [];
    headroom;
    constructor(total, opts = {}) {
        this.total = total;
        if (!Number.isFinite(total) || total < 0)
            throw new Error(`budget must be a number ≥ 0; got ${total}`);
        this.headroom = Math.max(1, opts.headroom ?? 1.5);
    }
    /** Dollars booked so far. */
    get spent() {
        return dollars(this.spentSoFar);
    }
    /** Dollars held by running groups. */
    get reserved() {
        let r = 0;
        for (const a of this.reservations.values())
            r += a.amount;
        return dollars(r);
    }
    /** What a new group could be admitted for now. */
    get available() {
        return Math.max(0, dollars(this.total - this.spentSoFar - this.reserved));
    }
    /** Whether a group of this estimate could ever start, once running groups release their reservations. */
    couldFit(estimate) {
        return dollars(this.total - this.spentSoFar) >= dollars(estimate) && this.total - this.spentSoFar > 0;
    }
    /**
     * Admits a group when the available budget covers its estimate, reserving up to `headroom` × estimate.
     * Returns null when it does not fit now. A group with a zero estimate still needs a positive `--budget`
     * (PDD refuses ≤ 0), so it gets what is available, and is refused when nothing is.
     */
    admit(group, estimate) {
        if (this.reservations.has(group))
            throw new Error(`group ${group} is already admitted`);
        const available = this.available;
        const need = dollars(Math.max(0, estimate));
        if (available <= 0 || available < need)
            return null;
        const amount = need === 0 ? available : dollars(Math.min(available, need * this.headroom));
        const a = { group, amount, estimate: need };
        this.reservations.set(group, a);
        return a;
    }
    /** Books a finished group: its real cost, or its reservation when PDD's cost is unknown. */
    book(group, cost) {
        const a = this.reservations.get(group);
        if (!a)
            throw new Error(`group ${group} was not admitted`);
        this.reservations.delete(group);
        const known = cost !== null && Number.isFinite(cost) && cost >= 0;
        const booked = dollars(known ? cost : a.amount);
        this.spentSoFar += booked;
        const b = { group, booked, costKnown: known, overshoot: dollars(Math.max(0, booked - a.amount)) };
        this.bookings.push(b);
        return b;
    }
    /** Releases a reservation without spending (the group never started). */
    release(group) {
        this.reservations.delete(group);
    }
    /** Every booking so far, in order. */
    get history() {
        return this.bookings;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./build/tmp/js/src/discover/pyfn.js
/**
 * Small re-implementations of Python standard-library behaviour that PDD's path logic depends on
 * (`fnmatch`, `str.strip`, `str.rstrip(chars)`, code-point string ordering, `os.path.normpath`).
 * Pure functions: PDD's rules only match when these details match too.
 */
const PY_WHITESPACE = new Set([
    ' ',
    '\t',
    '\n',
    '\r',
    '\x0b',
    '\x0c',
    '\x1c',
    '\x1d',
    '\x1e',
    '\x1f',
    '\x85',
    '\xa0',
    '\u1680',
    '\u2000',
    '\u2001',
    '\u2002',
    '\u2003',
    '\u2004',
    '\u2005',
    '\u2006',
    '\u2007',
    '\u2008',
    '\u2009',
    '\u200a',
    '\u2028',
    '\u2029',
    '\u202f',
    '\u205f',
    '\u3000'
]);
/** Python `str.strip()` (its whitespace set differs from `String.prototype.trim`). */
function pyStrip(s) {
    // Nothing to strip (the common case): whitespace is never half of a surrogate pair, so code units suffice.
    if (s === '' || (!PY_WHITESPACE.has(s[0]) && !PY_WHITESPACE.has(s[s.length - 1])))
        return s;
    const chars = [...s];
    let start = 0;
    let end = chars.length;
    while (start < end && PY_WHITESPACE.has(chars[start]))
        start++;
    while (end > start && PY_WHITESPACE.has(chars[end - 1]))
        end--;
    return chars.slice(start, end).join('');
}
/** Python `str.rstrip(chars)`: strips any trailing character contained in `chars` (a set, not a suffix). */
function rstripChars(s, chars) {
    let end = s.length;
    while (end > 0 && chars.includes(s[end - 1]))
        end--;
    return s.slice(0, end);
}
/** Python's default `str` ordering: by Unicode code point (JS `<` compares UTF-16 code units). */
function comparePy(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x === y)
            continue;
        // A surrogate half stands for a code point above U+FFFF, which sorts after every BMP character.
        const xs = x >= 0xd800 && x <= 0xdfff;
        const ys = y >= 0xd800 && y <= 0xdfff;
        if (xs !== ys)
            return xs ? 1 : -1;
        return x < y ? -1 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
// Code units from the first surrogate up: only with one of these can `<` disagree with code-point order.
const NOT_PLAIN = /[\uD800-\uFFFF]/;
/**
 * Sorts `items` in place by `key` in Python's order ({@link comparePy}). When no key has a code unit from
 * U+D800 up, the native `<` orders them the same (and much faster on thousands of units).
 */
function sortByPy(items, key) {
    if (items.some(i => NOT_PLAIN.test(key(i))))
        return items.sort((a, b) => comparePy(key(a), key(b)));
    return items.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return x < y ? -1 : x > y ? 1 : 0;
    });
}
/**
 * Sorts `list` in place with {@link comparePy}. Lists of one or two (most here) are ordered directly: `sort`
 * copies into a scratch buffer on every call. Both orders agree, as the sort is stable.
 */
function sortPy(list) {
    if (list.length === 2) {
        const a = list[0];
        const b = list[1];
        if (comparePy(a, b) > 0) {
            list[0] = b;
            list[1] = a;
        }
    }
    else if (list.length > 2)
        list.sort(comparePy);
    return list;
}
/** Approximates Python `str.casefold()` for the comparisons PDD makes (ß → ss, ſ → s, …). */
function casefold(s) {
    return s.toLowerCase().toUpperCase().toLowerCase();
}
const fnmatchCache = new Map();
/** Python `fnmatch.fnmatch` on POSIX (case-sensitive; `*` also matches `/`). */
function fnmatch(name, pattern) {
    let re = fnmatchCache.get(pattern);
    if (re === undefined) {
        re = new RegExp(`^${translate(pattern)}$`, 'u');
        fnmatchCache.set(pattern, re);
    }
    return re.test(name);
}
/** Port of `fnmatch.translate` (Python 3.12), emitting a JS regex body. */
function translate(pat) {
    let out = '';
    const chars = [...pat];
    let i = 0;
    while (i < chars.length) {
        const c = chars[i++];
        if (c === '*') {
            while (chars[i] === '*')
                i++;
            out += '[\\s\\S]*';
        }
        else if (c === '?') {
            out += '[\\s\\S]';
        }
        else if (c === '[') {
            const cls = bracket(chars, i);
            if (cls === null)
                out += '\\[';
            else {
                out += cls.re;
                i = cls.next;
            }
        }
        else
            out += escapeRe(c);
    }
    return out;
}
function bracket(chars, start) {
    let j = start;
    if (chars[j] === '!')
        j++;
    if (chars[j] === ']')
        j++;
    while (j < chars.length && chars[j] !== ']')
        j++;
    if (j >= chars.length)
        return null;
    let stuff = chars.slice(start, j).join('');
    if (stuff === '')
        return { re: '(?!)', next: j + 1 };
    if (stuff === '!')
        return { re: '[\\s\\S]', next: j + 1 };
    stuff = stuff.replace(/[\\[\]]/g, m => `\\${m}`);
    if (stuff.startsWith('!'))
        stuff = '^' + stuff.slice(1);
    else if (stuff.startsWith('^'))
        stuff = '\\' + stuff;
    return { re: `[${stuff}]`, next: j + 1 };
}
function escapeRe(c) {
    return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}
const NOT_NORMAL = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/;
/** POSIX `os.path.normpath` for `/`-separated paths (keeps a leading `/`, resolves `.`/`..` lexically). */
function normpath(p) {
    // Most paths are already normal: no empty, `.` or `..` part and no trailing slash.
    if (p === '.' || (p !== '' && !NOT_NORMAL.test(p)))
        return p;
    if (p === '')
        return '.';
    const abs = p.startsWith('/');
    const parts = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length > 0 && parts[parts.length - 1] !== '..')
                parts.pop();
            else if (!abs)
                parts.push('..');
            continue;
        }
        parts.push(part);
    }
    const body = parts.join('/');
    if (abs)
        return '/' + body;
    return body === '' ? '.' : body;
}
/** `os.path.join` for POSIX strings: an absolute later part restarts the path. */
function pjoin(...parts) {
    let out = '';
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part.startsWith('/'))
            out = part;
        else if (out === '' || out.endsWith('/'))
            out += part;
        else
            out += '/' + part;
    }
    return out;
}
/** Lexical `pathlib` parts of a relative or absolute POSIX path (no empty or `.` parts). */
function pathParts(p) {
    return p.split('/').filter(x => x !== '' && x !== '.');
}
/** `Path(p).stem` for a file name. */
function stemOf(name) {
    const leaf = name.slice(name.lastIndexOf('/') + 1);
    const dot = leaf.lastIndexOf('.');
    return dot > 0 && dot < leaf.length - 1 ? leaf.slice(0, dot) : leaf;
}
/** `Path(p).suffix` for a file name (`''` when none). */
function suffixOf(name) {
    const leaf = name.slice(name.lastIndexOf('/') + 1);
    const dot = leaf.lastIndexOf('.');
    return dot > 0 && dot < leaf.length - 1 ? leaf.slice(dot) : '';
}
/** Parent directory of a POSIX path (`'.'` for a bare name, `/` for a root child). */
function dirnameOf(p) {
    const i = p.lastIndexOf('/');
    if (i < 0)
        return '.';
    if (i === 0)
        return '/';
    return p.slice(0, i);
}
/** Leaf name of a POSIX path. */
function leafOf(p) {
    return p.slice(p.lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/settings/pddrc-contexts.js
/**
 * `.pddrc` context selection, as PDD does it (`pdd/construct_paths.py` `_match_path_to_contexts`, `_detect_context`,
 * `detect_context_for_file`, `_detect_context_from_basename`, `_get_relative_basename`;
 * `sync_determine_operation._relative_basename_for_context` and its `sync_main` twin).
 */


/** `pattern.rstrip('/**').rstrip('/*')`: Python strips a *set* of characters, not a suffix. */
function patternBase(pattern) {
    return rstripChars(rstripChars(pattern, '/*'), '/*');
}
/** `_extract_prefix_from_prompts_dir`: the part of `prompts_dir` after its `prompts` segment. */
function extractPrefixFromPromptsDir(promptsDir) {
    const parts = rstripChars(promptsDir, '/').split('/');
    const idx = parts.indexOf('prompts');
    return idx < 0 ? parts.join('/') : parts.slice(idx + 1).join('/');
}
/** `_match_path_to_contexts`: first (or most specific) non-default context whose `paths` glob matches. */
function matchPathToContexts(pathStr, config, opts) {
    const matches = [];
    for (const ctx of config.contexts) {
        if (ctx.name === 'default')
            continue;
        for (const pattern of ctx.paths) {
            const base = patternBase(pattern);
            const matched = opts.absolute
                ? fnmatch(pathStr, `*/${pattern}`) || fnmatch(pathStr, pattern) || pathStr.endsWith(`/${base}`)
                : fnmatch(pathStr, pattern) || pathStr.startsWith(`${base}/`) || pathStr.startsWith(base);
            if (!matched)
                continue;
            if (!opts.specific)
                return ctx.name;
            matches.push([ctx.name, base.length]);
        }
    }
    if (matches.length > 0)
        return longest(matches);
    return config.contexts.some(c => c.name === 'default') ? 'default' : null;
}
/** `_detect_context(cwd)` without an override: the first context whose `paths` match the absolute CWD. */
function detectContextForCwd(cwdAbs, config) {
    return matchPathToContexts(cwdAbs, config, { specific: false, absolute: true });
}
/**
 * `detect_context_for_file`: the most specific context whose `prompts_dir` contains the file, else the most
 * specific `paths` match, else `default` (when defined). `relPath` is relative to the `.pddrc` directory.
 */
function detectContextForFile(relPath, config) {
    const byPromptsDir = [];
    for (const ctx of config.contexts) {
        if (ctx.name === 'default')
            continue;
        const pd = ctx.defaults.prompts_dir;
        if (typeof pd !== 'string' || pd === '')
            continue;
        const norm = rstripChars(pd, '/');
        if (relPath.startsWith(`${norm}/`) || relPath === norm)
            byPromptsDir.push([ctx.name, norm.length]);
    }
    if (byPromptsDir.length > 0)
        return longest(byPromptsDir);
    return matchPathToContexts(relPath, config, { specific: true, absolute: false });
}
/**
 * `_detect_context_from_basename`: longest match of a sync basename against each context's prompts_dir prefix
 * or `paths` globs; contexts whose prompts_dir is a nested `…/prompts` are probed on disk via `hasPrompt`.
 */
function detectContextFromBasename(basename, config, hasPrompt) {
    if (basename === '')
        return null;
    const matches = [];
    const nested = [];
    for (const ctx of config.contexts) {
        if (ctx.name === 'default')
            continue;
        const pd = ctx.defaults.prompts_dir;
        if (typeof pd === 'string' && pd !== '') {
            const prefix = extractPrefixFromPromptsDir(pd);
            if (prefix !== '' && (basename === prefix || basename.startsWith(`${prefix}/`))) {
                matches.push([ctx.name, prefix.length]);
                continue;
            }
            const parts = rstripChars(pd, '/').split('/');
            if (prefix === '' && parts.length > 1 && parts[parts.length - 1] === 'prompts')
                nested.push([ctx.name, pd]);
        }
        for (const pattern of ctx.paths) {
            const base = patternBase(pattern);
            if (fnmatch(basename, pattern) || basename.startsWith(`${base}/`) || basename === base) {
                matches.push([ctx.name, base.length]);
            }
        }
    }
    if (matches.length === 0) {
        const slash = basename.lastIndexOf('/');
        const dirPart = slash < 0 ? '' : basename.slice(0, slash);
        const namePart = basename.slice(slash + 1);
        for (const [name, pd] of nested) {
            const dir = external_node_path_namespaceObject.resolve(config.dir, pd, dirPart);
            if (hasPrompt(dir, namePart))
                matches.push([name, pd.length]);
        }
    }
    return matches.length > 0 ? longest(matches) : null;
}
/** `_get_relative_basename`: a path relative to the base of the `paths` glob that matched it. */
function getRelativeBasename(input, pattern) {
    const base = rstripChars(rstripChars(rstripChars(rstripChars(pattern, '/*'), '/*'), '*'), '/');
    if (input.startsWith(`${base}/`))
        return input.slice(base.length + 1);
    if (input.startsWith(base) && input.length > base.length) {
        const rest = input.slice(base.length);
        return rest.startsWith('/') ? rest.slice(1) : rest;
    }
    if (input === base)
        return input.includes('/') ? input.split('/').pop() : input;
    return input;
}
/**
 * `_relative_basename_for_context`: the basename with the context's prompts_dir prefix or `paths` base removed
 * (longest match). `order` reproduces the two ports in PDD, which differ in how ties are broken:
 * sync_main checks `paths` first, sync_determine_operation checks `prompts_dir` first.
 */
function relativeBasenameForContext(basename, ctx, order) {
    if (ctx === undefined)
        return basename;
    const byPaths = [];
    for (const pattern of ctx.paths) {
        const base = patternBase(pattern);
        if (fnmatch(basename, pattern) || basename.startsWith(`${base}/`) || basename === base) {
            byPaths.push([base.length, getRelativeBasename(basename, pattern)]);
        }
    }
    const byPrompts = [];
    const pd = ctx.defaults.prompts_dir;
    if (typeof pd === 'string' && pd !== '') {
        const prefix = extractPrefixFromPromptsDir(pd);
        if (prefix !== '' && (basename === prefix || basename.startsWith(`${prefix}/`))) {
            const rel = basename === prefix ? basename.split('/').pop() : basename.slice(prefix.length + 1);
            byPrompts.push([prefix.length, rel]);
        }
    }
    const all = order === 'paths-first' ? [...byPaths, ...byPrompts] : [...byPrompts, ...byPaths];
    if (all.length === 0)
        return basename;
    return all.reduce((best, m) => (m[0] > best[0] ? m : best))[1];
}
/** Python's `sort(key=len, reverse=True)[0]`: the longest, first-listed on ties. */
function longest(matches) {
    return matches.reduce((best, m) => (m[1] > best[1] ? m : best))[0];
}

;// CONCATENATED MODULE: ./build/tmp/js/src/settings/pddrc.js
/**
 * `.pddrc`: finding, parsing and validating it, and choosing a context, as PDD does
 * (`pdd/construct_paths.py` `_find_pddrc_file`, `_load_pddrc_config`, `_validate_pddrc_keys`, `_detect_context`,
 * `detect_context_for_file`, `_detect_context_from_basename`; `pdd/core/cli.py` `--context` validation).
 */



/** A `.pddrc` that PDD cannot use; the message names the file (and line:column for YAML errors). */
class PddrcError extends Error {
    file;
    line;
    column;
    constructor(file, message, line, column) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.name = 'PddrcError';
    }
}
const ROOT_KEYS = new Set(['version', 'contexts', 'checkup', 'ci']);
const CHECKUP_KEYS = new Set(['prompt_gate']);
const CI_KEYS = new Set(['external_setup_fail_open', 'manual_trigger_comment', 'manual_triggers']);
const CONTEXT_KEYS = new Set(['paths', 'defaults']);
const DEFAULTS_KEYS = new Set([
    'generate_output_path',
    'test_output_path',
    'example_output_path',
    'prompts_dir',
    'default_language',
    'target_coverage',
    'strength',
    'temperature',
    'budget',
    'max_attempts',
    'compressed_context',
    'outputs',
    'auto_deps_csv_path',
    'context_compression',
    'compress_examples',
    'compress_test_context',
    'compression_fallback',
    'test_token_budget',
    'test_ranking_weights',
    'test_dedup_threshold'
]);
// PyYAML (YAML 1.1) does not treat y/n as booleans; the `yaml` package's 1.1 schema does.
const PY_TRUE = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const PY_FALSE = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
function pyyamlTags(tags) {
    return tags.map(t => {
        if (typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:bool' || !('test' in t))
            return t;
        const test = t.test;
        return test instanceof RegExp ? { ...t, test: test.test('yes') ? PY_TRUE : PY_FALSE } : t;
    });
}
/** Parses and validates `.pddrc` text (`_load_pddrc_config`). Unknown keys become warnings, as in PDD. */
function parsePddrc(text, file) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { version: '1.1', uniqueKeys: false, customTags: pyyamlTags });
    const bad = [...doc.errors, ...doc.warnings.filter(w => w.code === 'TAG_RESOLVE_FAILED')][0];
    if (bad !== undefined) {
        const pos = bad.linePos?.[0];
        const where = pos === undefined ? '' : `:${pos.line}:${pos.col}`;
        const first = bad.message.split('\n')[0] ?? bad.message;
        throw new PddrcError(file, `${file}${where}: YAML syntax error in .pddrc: ${first}`, pos?.line, pos?.col);
    }
    const js = doc.toJS({ mapAsMap: true });
    const root = plain(js);
    if (!isRecord(root))
        fail(file, 'Invalid .pddrc format: expected dictionary at root level');
    if (!('contexts' in root))
        fail(file, "Invalid .pddrc format: missing 'contexts' section");
    // Context order matters (PDD's first-match rules); plain objects would move integer-like names first.
    const contextsMap = [...js].find(([k]) => String(k) === 'contexts')?.[1];
    if (!(contextsMap instanceof Map))
        fail(file, "'contexts' must be a mapping of context names to settings");
    const contexts = [...contextsMap].map(([name, value]) => toContext(file, String(name), plain(value)));
    return {
        config: { file, dir: external_node_path_namespaceObject.dirname(file), contexts },
        warnings: unknownKeyWarnings(file, root, contexts)
    };
}
/** Reads and parses a `.pddrc` file. */
async function loadPddrc(file) {
    let text;
    try {
        text = await fs.readFile(file, 'utf8');
    }
    catch (e) {
        throw new PddrcError(file, `${file}: cannot read .pddrc: ${e.message}`);
    }
    return parsePddrc(text, file);
}
/**
 * `_find_pddrc_file`: the nearest `.pddrc` (a regular file) in `startDir` or its ancestors, stopping after
 * `stopAt` (PDD itself would continue to `/`). `isFile` lets callers answer from a cache.
 */
async function findPddrc(startDir, stopAt, isFile = defaultIsFile) {
    const stop = path.resolve(stopAt);
    let dir = path.resolve(startDir);
    for (;;) {
        const candidate = path.join(dir, '.pddrc');
        if (await isFile(candidate))
            return candidate;
        const parent = path.dirname(dir);
        if (dir === stop || parent === dir)
            return null;
        dir = parent;
    }
}
async function defaultIsFile(p) {
    try {
        return (await fs.stat(p)).isFile();
    }
    catch {
        return false;
    }
}
/** The `defaults` of a context, or `{}` (`_get_context_config`). */
function contextDefaults(config, name) {
    if (config === null || name === null)
        return {};
    return config.contexts.find(c => c.name === name)?.defaults ?? {};
}
/** The sync settings of a context's defaults (numbers only; PDD lets falsy values fall through to built-ins). */
function syncDefaults(defaults) {
    const out = {};
    for (let i = 0; i < SYNC_DEFAULT_KEYS.length; i++) {
        const { key, from } = SYNC_DEFAULT_KEYS[i];
        const v = defaults[from];
        if (typeof v === 'number' && Number.isFinite(v) && v !== 0)
            out[key] = v;
    }
    return out;
}
const SYNC_DEFAULT_KEYS = [
    { key: 'targetCoverage', from: 'target_coverage' },
    { key: 'budget', from: 'budget' },
    { key: 'maxAttempts', from: 'max_attempts' },
    { key: 'strength', from: 'strength' },
    { key: 'temperature', from: 'temperature' }
];
/**
 * `--context NAME` validation (`pdd/core/cli.py`): the name must be one of the nearest `.pddrc`'s contexts, or
 * `default` when there is no `.pddrc`. Returns an error message naming the context and the file, or null.
 */
function validateContextOverride(name, config) {
    const names = config === null ? ['default'] : config.contexts.map(c => c.name).sort();
    if (names.includes(name))
        return null;
    const where = config === null ? 'no .pddrc was found, so only "default" exists' : `contexts in ${config.file}`;
    return `Unknown context '${name}' (${where}: ${names.length > 0 ? names.join(', ') : 'none'})`;
}
function toContext(file, name, value) {
    if (!isRecord(value))
        fail(file, `context '${name}' must be a mapping (with 'paths' and/or 'defaults')`);
    const paths = value.paths ?? [];
    if (!Array.isArray(paths) || !paths.every(p => typeof p === 'string')) {
        fail(file, `contexts.${name}.paths must be a list of glob strings`);
    }
    const defaults = value.defaults ?? {};
    if (!isRecord(defaults))
        fail(file, `contexts.${name}.defaults must be a mapping`);
    return { name, paths, defaults };
}
function unknownKeyWarnings(file, root, contexts) {
    const out = [];
    const warn = (key, at) => {
        out.push(`${file}: .pddrc contains unknown key '${key}' at path '${at}', ignored (PDD warns the same)`);
    };
    for (const k of Object.keys(root))
        if (!ROOT_KEYS.has(k))
            warn(k, k);
    if (isRecord(root.checkup))
        for (const k of Object.keys(root.checkup))
            if (!CHECKUP_KEYS.has(k))
                warn(k, `checkup.${k}`);
    if (isRecord(root.ci))
        for (const k of Object.keys(root.ci))
            if (!CI_KEYS.has(k))
                warn(k, `ci.${k}`);
    const contextsRaw = root.contexts;
    for (const c of contexts) {
        for (const k of Object.keys(contextsRaw[c.name] ?? {}))
            if (!CONTEXT_KEYS.has(k))
                warn(k, `contexts.${c.name}.${k}`);
        for (const k of Object.keys(c.defaults))
            if (!DEFAULTS_KEYS.has(k))
                warn(k, `contexts.${c.name}.defaults.${k}`);
    }
    return out;
}
function fail(file, message) {
    throw new PddrcError(file, `${file}: ${message}`);
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Converts `mapAsMap` output into plain objects with string keys, keeping mapping order. */
function plain(v) {
    if (v instanceof Map) {
        const o = {};
        for (const [k, val] of v)
            o[String(k)] = plain(val);
        return o;
    }
    if (Array.isArray(v))
        return v.map(plain);
    return v;
}


;// CONCATENATED MODULE: ./build/tmp/js/src/discover/lexical.js
/**
 * Lexical path operations for the resolvers' hot paths. Node's `path` functions walk strings character by
 * character in JavaScript, which dominates discovery before the JIT warms up; paths here are nearly always
 * absolute and normal, so these answer with native string searches and fall back to `path` otherwise.
 */

/** `path.resolve`, skipped for paths that are already absolute and normal (the common case here). */
function absolute(p) {
    return isNormalAbsolute(p) ? p : external_node_path_namespaceObject.resolve(p);
}
/** True when `path.resolve(p)` would return `p` unchanged (conservatively: a `/.` anywhere says no). */
function isNormalAbsolute(p) {
    return p.startsWith('/') && !p.includes('//') && !p.includes('/.') && (p.length === 1 || !p.endsWith('/'));
}
/** `path.join(dir, name)` for a directory entry's name (never `.`/`..`), by concatenation when `dir` is normal. */
function joinName(dir, name) {
    if (!isNormalAbsolute(dir) || name === '' || name === '.' || name === '..' || name.includes('/'))
        return external_node_path_namespaceObject.join(dir, name);
    return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
/** `path.relative(from, to)`, by slicing when `to` is `from` or lies below it and both are normal. */
function relativeTo(from, to) {
    if (isNormalAbsolute(from) && isNormalAbsolute(to)) {
        if (to === from)
            return '';
        if (from === '/')
            return to.slice(1);
        if (to.length > from.length && to.charCodeAt(from.length) === 47 && to.startsWith(from))
            return to.slice(from.length + 1);
    }
    return external_node_path_namespaceObject.relative(from, to);
}
/** `path.dirname(p)`: for an absolute path without trailing or doubled slash there, everything before the leaf. */
function parentOf(p) {
    const slash = p.lastIndexOf('/');
    if (slash > 0 && slash < p.length - 1 && p.charCodeAt(slash - 1) !== 47 && p.charCodeAt(0) === 47)
        return p.slice(0, slash);
    if (slash === 0 && p.length > 1)
        return '/';
    return external_node_path_namespaceObject.dirname(p);
}
/** `path.basename(p)`: without a trailing slash, everything after the last one. */
function leafName(p) {
    return p === '' || p.endsWith('/') ? external_node_path_namespaceObject.basename(p) : p.slice(p.lastIndexOf('/') + 1);
}
/** `path.extname(p)`: from the last `.` of the leaf, unless that `.` starts it (or the leaf is `..`). */
function extName(p) {
    if (p === '' || p.endsWith('/'))
        return external_node_path_namespaceObject.extname(p);
    const leaf = p.slice(p.lastIndexOf('/') + 1);
    const dot = leaf.lastIndexOf('.');
    return dot <= 0 || leaf === '..' ? '' : leaf.slice(dot);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/fsview.js
/**
 * A cached, directory-listing-based view of the file system. The ported PDD resolvers ask many small questions
 * ("is there a file here?", "what is in this directory?"); answering them from one listing per directory keeps
 * discovery of thousands of prompts fast. Trees that will certainly be consulted (the prompt roots) are listed
 * ahead of time with async I/O and bounded concurrency; anything else is listed on first use.
 */




const ROOT_ENTRY = { name: '/', kind: 'dir', symlink: false };
const ROOT_INFO = { entry: ROOT_ENTRY, real: '/', symlinked: false };
/** Cached view over absolute POSIX paths. */
class fsview_FsView {
    root;
    listings = new Map();
    /** By normal absolute path, and also by the non-normal absolute spellings callers used. */
    infos = new Map();
    lowered = new Map();
    sorted = new Map();
    /** @param root absolute, real path of the project (CWD of `pdd`). */
    constructor(root) {
        this.root = root;
    }
    /** Entries of a directory, or null when it is not a readable directory. */
    list(dir) {
        // Keys are normal absolute paths, so a hit on the string as given needs no normalisation.
        const cached = this.listings.get(dir);
        return cached !== undefined ? cached : this.listAbs(absolute(dir));
    }
    listAbs(key) {
        const cached = this.listings.get(key);
        if (cached !== undefined)
            return cached;
        let listing;
        try {
            listing = this.toListing(key, external_node_fs_namespaceObject.readdirSync(key, { withFileTypes: true }));
        }
        catch {
            listing = null;
        }
        this.listings.set(key, listing);
        return listing;
    }
    /** The entry at `p` (symlinks followed for `kind`), or null when absent. */
    entry(p) {
        return this.info(p).entry;
    }
    entryAbs(abs) {
        if (abs === '/')
            return ROOT_ENTRY;
        const slash = abs.lastIndexOf('/');
        const listing = this.listAbs(slash === 0 ? '/' : abs.slice(0, slash));
        return listing?.get(abs.slice(slash + 1)) ?? null;
    }
    /** Entry, real path and symlink flag of `p` at once, for callers that need several of them. */
    stat(p) {
        return this.infos.get(p) ?? this.uncached(p);
    }
    info(p) {
        return this.infos.get(p) ?? this.uncached(p);
    }
    /** The answers for a path that is not a key of `infos` (yet). */
    uncached(p) {
        if (isNormalAbsolute(p))
            return this.computeInfo(p);
        const abs = external_node_path_namespaceObject.resolve(p);
        const info = this.infoAbs(abs);
        // Absolute spellings cannot change meaning; a relative one depends on the process CWD, so it is not kept.
        if (abs !== p && p.startsWith('/'))
            this.infos.set(p, info);
        return info;
    }
    infoAbs(abs) {
        return abs === '/' ? ROOT_INFO : (this.infos.get(abs) ?? this.computeInfo(abs));
    }
    /**
     * Entry, real path and symlink flag of a normal absolute path not yet known, from its parent's (cached)
     * answers and one listing lookup; only symbolic links cost a system call (the real path, kept lexically for
     * missing parts).
     */
    computeInfo(abs) {
        if (abs === '/')
            return ROOT_INFO;
        const slash = abs.lastIndexOf('/');
        const parent = slash === 0 ? '/' : abs.slice(0, slash);
        const name = abs.slice(slash + 1);
        const up = this.infoAbs(parent);
        const entry = this.listAbs(parent)?.get(name) ?? null;
        let real = null;
        if (up.real !== null) {
            // An unchanged parent keeps `abs` itself (whose hash is then cached for later lookups) and its entry.
            const same = up.real === parent;
            const joined = same ? abs : `${up.real === '/' ? '' : up.real}/${name}`;
            real = (same ? entry : this.entryAbs(joined))?.symlink === true ? realpathNative(joined) : joined;
        }
        const info = { entry, real, symlinked: entry?.symlink === true || up.symlinked };
        this.infos.set(abs, info);
        return info;
    }
    /** Entries of a directory grouped by lower-cased name (for case-insensitive lookups), cached. */
    byLowerName(dir) {
        let index = this.lowered.get(dir);
        if (index !== undefined)
            return index;
        const key = absolute(dir);
        index = this.lowered.get(key);
        if (index === undefined) {
            index = new Map();
            for (const e of this.list(key)?.values() ?? []) {
                const lower = e.name.toLowerCase();
                const group = index.get(lower);
                if (group === undefined)
                    index.set(lower, [e]);
                else
                    group.push(e);
            }
            this.lowered.set(key, index);
        }
        return index;
    }
    /** Names in `dir` that start with `prefix`, in code-unit order (binary search over a cached sorted listing). */
    namesStartingWith(dir, prefix) {
        let names = this.sorted.get(dir);
        if (names === undefined) {
            const key = absolute(dir);
            names = this.sorted.get(key);
            if (names === undefined) {
                names = [...(this.list(key)?.keys() ?? [])].sort();
                this.sorted.set(key, names);
            }
        }
        let lo = 0;
        let hi = names.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (names[mid] < prefix)
                lo = mid + 1;
            else
                hi = mid;
        }
        const out = [];
        for (let i = lo; i < names.length && names[i].startsWith(prefix); i++)
            out.push(names[i]);
        return out;
    }
    /** `Path.is_file()`. */
    isFile(p) {
        return this.info(p).entry?.kind === 'file';
    }
    /** `Path.is_dir()`. */
    isDir(p) {
        if (p === this.root || this.info(p).entry?.kind === 'dir')
            return true;
        return !isNormalAbsolute(p) && absolute(p) === this.root;
    }
    /** `Path.exists()`. */
    exists(p) {
        const e = this.info(p).entry;
        return e !== null && e.kind !== 'broken';
    }
    /**
     * `os.path.realpath`, or null when it cannot be resolved; missing trailing parts are kept lexically. Resolved
     * from the cached listings: only symbolic links cost a system call.
     */
    realpath(p) {
        return (this.infos.get(p) ?? this.uncached(p)).real;
    }
    /** True when any existing component of `p` (below `/`) is a symbolic link. */
    hasSymlink(p) {
        return this.info(p).symlinked;
    }
    /** Lists `dir` and everything below it (not following directory symlinks), ahead of synchronous use. */
    async prefetchTree(dir, concurrency = 32) {
        const queue = [external_node_path_namespaceObject.resolve(dir)];
        let active = 0;
        await new Promise(resolve => {
            const pump = () => {
                while (active < concurrency && queue.length > 0) {
                    const next = queue.shift();
                    active++;
                    void this.listAsync(next)
                        .then(listing => {
                        for (const e of listing?.values() ?? []) {
                            if (e.kind === 'dir' && !e.symlink)
                                queue.push(external_node_path_namespaceObject.join(next, e.name));
                        }
                    })
                        .finally(() => {
                        active--;
                        if (queue.length === 0 && active === 0)
                            resolve();
                        else
                            pump();
                    });
                }
                if (queue.length === 0 && active === 0)
                    resolve();
            };
            pump();
        });
    }
    async listAsync(dir) {
        const cached = this.listings.get(dir);
        if (cached !== undefined)
            return cached;
        let listing;
        try {
            listing = this.toListing(dir, await promises_namespaceObject.readdir(dir, { withFileTypes: true }));
        }
        catch {
            listing = null;
        }
        this.listings.set(dir, listing);
        return listing;
    }
    toListing(dir, dirents) {
        const listing = new Map();
        for (const d of dirents) {
            let kind = d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other';
            const symlink = d.isSymbolicLink();
            if (symlink)
                kind = statKind(external_node_path_namespaceObject.join(dir, d.name));
            listing.set(d.name, { name: d.name, kind, symlink });
        }
        return listing;
    }
}
function realpathNative(p) {
    try {
        return external_node_fs_namespaceObject.realpathSync.native(p);
    }
    catch {
        return p;
    }
}
function statKind(p) {
    try {
        const st = external_node_fs_namespaceObject.statSync(p);
        return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
    }
    catch {
        return 'broken';
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/includes.js
/**
 * The files a prompt includes, found exactly as PDD's prompt hash finds them during `pdd sync`
 * (`sync_determine_operation._legacy_include_references`, `_safe_report_include`,
 * `_validated_report_live_includes`, `calculate_prompt_hash` with hash version 1). Pure: the file system is
 * consulted only through the `exists` callback.
 */

// `\b` in Python's str regexes is Unicode-aware; JS `\b` is ASCII-only, hence the explicit look-ahead.
// `.` in Python (without DOTALL) only excludes `\n`; JS `.` also excludes `\r`, U+2028 and U+2029.
const XML_INCLUDE = /<include(?![\p{L}\p{N}_])[^>]*>([^\n]*?)<\/include>/gu;
const BACKTICK_INCLUDE = /```<([^>]*?)>```/gu;
/**
 * The raw declared paths of a prompt's include references, in PDD's order: every
 * `<include …>path</include>` (attributes allowed; the body must stay on one line), then every
 * ```` ```<path>``` ````. A self-closing `<include …/>` only counts when a `</include>` follows on the same line,
 * in which case PDD (and this port) take the text in between as the path.
 */
function parseIncludeReferences(text) {
    const out = [];
    // Each pattern starts with a literal: without it in the text, the (slower, Unicode) scan cannot match.
    if (text.includes('<include'))
        collect(XML_INCLUDE, text, out);
    if (text.includes('```<'))
        collect(BACKTICK_INCLUDE, text, out);
    return out;
}
/** Appends every match's first group, as `matchAll` finds them (neither pattern can match the empty string). */
function collect(re, text, out) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text))
        out.push(m[1]);
}
/**
 * Resolves a prompt's include references the way `pdd sync` hashes them: each declared path (stripped) is
 * tried against the prompt's directory, then against the trusted root; candidates outside the root are
 * passed over; missing files are skipped; the result is de-duplicated and sorted by declared text (code-point
 * order). Absolute paths, paths that only escape the root, non-regular files and unsafe symlinks make PDD raise
 * while hashing: they are returned as problems.
 */
function resolveIncludes(input) {
    const root = normpath(input.root ?? '.');
    const promptDir = includes_parentOf(normpath(input.promptPath));
    const byDeclared = new Map();
    const problems = [];
    const refs = parseIncludeReferences(input.text);
    for (let i = 0; i < refs.length; i++) {
        const declared = pyStrip(refs[i]);
        const outcome = resolveOne(declared, promptDir, root, input.exists);
        if (outcome !== null && typeof outcome === 'object')
            problems.push(`${outcome.error}: ${declared === '' ? '(empty)' : declared}`);
        else if (outcome !== null)
            byDeclared.set(declared, outcome);
    }
    const includes = sortPy([...byDeclared.keys()]);
    // Rebuilt, as normalising used to: a declared path is a slice of the prompt's text, which it would keep alive.
    for (let i = 0; i < includes.length; i++)
        includes[i] = byDeclared.get(includes[i]).split('/').join('/');
    return { includes, problems };
}
function resolveOne(declared, promptDir, root, exists) {
    if (declared.startsWith('/'))
        return { error: 'absolute include path is unsafe' };
    const nearPrompt = join(promptDir, declared);
    const underRoot = join(root, declared);
    const candidates = nearPrompt === underRoot ? [nearPrompt] : [nearPrompt, underRoot];
    let escaped = false;
    let contained = false;
    for (const candidate of candidates) {
        const normalized = normpath(candidate);
        if (!within(normalized, root)) {
            escaped = true;
            continue;
        }
        contained = true;
        const kind = toTarget(exists(normalized));
        if (kind === 'missing')
            continue;
        if (kind === 'unsafe')
            return { error: 'symlink include path is unsafe' };
        if (kind === 'other')
            return { error: 'non-regular include path' };
        return normalized;
    }
    if (escaped && !contained)
        return { error: 'include path escapes project' };
    return null;
}
function toTarget(v) {
    if (v === true)
        return 'file';
    if (v === false)
        return 'missing';
    return v;
}
function join(dir, p) {
    if (dir === '.' || dir === '')
        return p === '' ? '.' : p;
    return p === '' ? dir : `${dir}/${p}`;
}
function includes_parentOf(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '.' : p.slice(0, i);
}
function within(p, root) {
    if (root === '.')
        return p !== '..' && !p.startsWith('../') && !p.startsWith('/');
    return p === root || p.startsWith(`${root}/`);
}
/**
 * Every repository path a prompt's includes may name, whether or not the file exists yet: for dependency edges
 * only, never for the hash (which {@link resolveIncludes} ports). Each declared path (see
 * {@link parseDeclaredIncludes}) is resolved against every place PDD looks — the prompt's directory and the
 * trusted root (the hash), the CWD (`preprocess.get_file_path` when generating) — and kept when it stays inside
 * the repository. Absolute paths are left out. Sorted, without duplicates. No file system access.
 */
function declaredIncludeTargets(input) {
    const refs = parseDeclaredIncludes(input.text);
    if (refs.length === 0)
        return [];
    const bases = [...new Set([includes_parentOf(normpath(input.promptPath)), normpath(input.root ?? '.'), '.'])];
    const out = new Set();
    for (const declared of refs) {
        if (declared.startsWith('/'))
            continue;
        for (const base of bases) {
            const candidate = normpath(join(base, declared));
            if (candidate !== '.' && within(candidate, '.'))
                out.add(candidate);
        }
    }
    return sortPy([...out]);
}
/**
 * The paths of every include form PDD's `preprocess` expands while generating (the grammar of
 * `sync_core.includes.parse_include_references`, without its Markdown code-span mask — an include shown
 * inside a code fence still counts, which at worst orders one unit more): `<include>path</include>` (the body
 * may span lines, the stripped path may not), a `path="…"` attribute on the body or self-closing form, every
 * comma- or line-separated item of `<include-many>…</include-many>`, and ```` ```<path>``` ````. Stripped,
 * non-empty, in no particular order; duplicates kept.
 */
function parseDeclaredIncludes(text) {
    const out = [];
    if (text.includes('<include')) {
        scanXmlIncludes(text, out);
        scanIncludeMany(text, out);
    }
    if (text.includes('```<'))
        scanBacktickIncludes(text, out);
    return out;
}
const TAG = '<include';
const CLOSE = '</include>';
const MANY_TAG = '<include-many';
const MANY_CLOSE = '</include-many>';
const PATH_ATTR = /([\p{L}\p{N}_]+)\s*=\s*["']([^"']*)["']/gu;
// Python's `str.splitlines` boundaries.
// eslint-disable-next-line no-control-regex -- FS, GS and RS are line boundaries in Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/u;
/** `_is_tag_boundary`: the tag name ends at whitespace, `>`, `/` or the end of the text. */
function tagBoundary(text, i) {
    if (i >= text.length)
        return true;
    const c = text[i];
    return c === '>' || c === '/' || pyStrip(c) === '';
}
function scanXmlIncludes(text, out) {
    let closeMissing = false;
    let cursor = 0;
    for (;;) {
        const start = text.indexOf(TAG, cursor);
        if (start < 0)
            return;
        const nameEnd = start + TAG.length;
        if (!tagBoundary(text, nameEnd)) {
            cursor = nameEnd;
            continue;
        }
        const openEnd = text.indexOf('>', nameEnd);
        if (openEnd < 0)
            return;
        let attrs = text.slice(nameEnd, openEnd);
        const trimmed = attrs.trimEnd();
        let declared;
        if (trimmed.endsWith('/')) {
            attrs = trimmed.slice(0, -1);
            declared = pyStrip(pathAttr(attrs) ?? '');
            cursor = openEnd + 1;
        }
        else {
            const close = closeMissing ? -1 : text.indexOf(CLOSE, openEnd + 1);
            if (close < 0) {
                // No `</include>` after this tag: none after any later one either.
                closeMissing = true;
                cursor = openEnd + 1;
                continue;
            }
            declared = pyStrip(pathAttr(attrs) || text.slice(openEnd + 1, close));
            cursor = close + CLOSE.length;
            if (/[<>\r\n]/.test(declared)) {
                cursor = openEnd + 1;
                continue;
            }
        }
        if (declared !== '')
            out.push(declared);
    }
}
/** The last `path="…"` attribute, as `_parse_attrs` (a dict) keeps it. */
function pathAttr(attrs) {
    if (!attrs.includes('path'))
        return undefined;
    let found;
    PATH_ATTR.lastIndex = 0;
    for (let m = PATH_ATTR.exec(attrs); m !== null; m = PATH_ATTR.exec(attrs))
        if (m[1] === 'path')
            found = m[2];
    return found;
}
function scanIncludeMany(text, out) {
    let cursor = 0;
    for (;;) {
        const start = text.indexOf(MANY_TAG, cursor);
        if (start < 0)
            return;
        const nameEnd = start + MANY_TAG.length;
        if (!tagBoundary(text, nameEnd)) {
            cursor = nameEnd;
            continue;
        }
        const openEnd = text.indexOf('>', nameEnd);
        if (openEnd < 0)
            return;
        const close = text.indexOf(MANY_CLOSE, openEnd + 1);
        if (close < 0)
            return;
        for (const line of text.slice(openEnd + 1, close).split(LINE_BREAK))
            for (const item of line.split(',')) {
                const declared = pyStrip(item);
                if (declared !== '')
                    out.push(declared);
            }
        cursor = close + MANY_CLOSE.length;
    }
}
function scanBacktickIncludes(text, out) {
    let cursor = 0;
    for (;;) {
        const start = text.indexOf('```<', cursor);
        if (start < 0)
            return;
        const pathStart = start + 4;
        const end = text.indexOf('>', pathStart);
        if (end < 0)
            return;
        if (text.startsWith('```', end + 1)) {
            const declared = pyStrip(text.slice(pathStart, end));
            if (declared !== '' && !/[\r\n]/.test(declared))
                out.push(declared);
            cursor = end + 4;
        }
        else
            cursor = pathStart;
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/languages.json
const languages_namespaceObject = /*#__PURE__*/JSON.parse('{"sP":"pdd-cli 0.0.310 pdd/data/language_format.csv","Ge":[{"name":"Python","key":"python","comment":"#","extension":".py","runCommand":"python {file}","runTestCommand":"python -m pytest {file} -v","outputs":["code","test","example"]},{"name":"Java","key":"java","comment":"//","extension":".java","runCommand":"java {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"C","key":"c","comment":"//","extension":".c","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"C++","key":"c++","comment":"//","extension":".cpp","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"JavaScript","key":"javascript","comment":"//","extension":".js","runCommand":"node {file}","runTestCommand":"node {file}","outputs":["code","test","example"]},{"name":"HTML","key":"html","comment":"<!-- -->","extension":".html","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"CSS","key":"css","comment":"/**/","extension":".css","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Ruby","key":"ruby","comment":"#","extension":".rb","runCommand":"ruby {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"PHP","key":"php","comment":"//","extension":".php","runCommand":"php {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Swift","key":"swift","comment":"//","extension":".swift","runCommand":"swift {file}","runTestCommand":"swift test","outputs":["code","test","example"]},{"name":"Go","key":"go","comment":"//","extension":".go","runCommand":"go run {file}","runTestCommand":"go test -v {file}","outputs":["code","test","example"]},{"name":"Rust","key":"rust","comment":"//","extension":".rs","runCommand":"","runTestCommand":"cargo test","outputs":["code","test","example"]},{"name":"Kotlin","key":"kotlin","comment":"//","extension":".kt","runCommand":"kotlin {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"TypeScript","key":"typescript","comment":"//","extension":".ts","runCommand":"npx tsx {file}","runTestCommand":"npx tsx {file}","outputs":["code","test","example"]},{"name":"TypeScriptReact","key":"typescriptreact","comment":"//","extension":".tsx","runCommand":"npx tsx {file}","runTestCommand":"npx tsx {file}","outputs":["code","test","example"]},{"name":"C#","key":"c#","comment":"//","extension":".cs","runCommand":"dotnet run {file}","runTestCommand":"dotnet test","outputs":["code","test","example"]},{"name":"SQL","key":"sql","comment":"--","extension":".sql","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Shell","key":"shell","comment":"#","extension":".sh","runCommand":"sh {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Bash","key":"bash","comment":"#","extension":".sh","runCommand":"bash {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Fish","key":"fish","comment":"#","extension":".fish","runCommand":"fish {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Zsh","key":"zsh","comment":"#","extension":".zsh","runCommand":"zsh {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"PowerShell","key":"powershell","comment":"#","extension":".ps1","runCommand":"pwsh {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Perl","key":"perl","comment":"#","extension":".pl","runCommand":"perl {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"R","key":"r","comment":"#","extension":".R","runCommand":"Rscript {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"MATLAB","key":"matlab","comment":"%","extension":".m","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Lua","key":"lua","comment":"--","extension":".lua","runCommand":"lua {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Haskell","key":"haskell","comment":"--","extension":".hs","runCommand":"runhaskell {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Scala","key":"scala","comment":"//","extension":".scala","runCommand":"scala {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Groovy","key":"groovy","comment":"//","extension":".groovy","runCommand":"groovy {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Dart","key":"dart","comment":"//","extension":".dart","runCommand":"dart run {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"F#","key":"f#","comment":"//","extension":".fs","runCommand":"dotnet fsi {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"YAML","key":"yaml","comment":"#","extension":".yml","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"YAML","key":"yaml","comment":"#","extension":".yaml","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"JSON","key":"json","comment":"del","extension":".json","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"JSONL","key":"jsonl","comment":"del","extension":".jsonl","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"XML","key":"xml","comment":"<!-- -->","extension":".xml","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Makefile","key":"makefile","comment":"#","extension":"","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"CSV","key":"csv","comment":"del","extension":".csv","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Markdown","key":"markdown","comment":"del","extension":".md","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"LaTeX","key":"latex","comment":"%","extension":".tex","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Assembly","key":"assembly","comment":";","extension":".asm","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Fortran","key":"fortran","comment":"!","extension":".f90","runCommand":"gfortran -o {file}.out {file} && ./{file}.out","runTestCommand":"","outputs":["code","test","example"]},{"name":"COBOL","key":"cobol","comment":"*>","extension":".cob","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Lisp","key":"lisp","comment":";","extension":".lisp","runCommand":"sbcl --script {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Prolog","key":"prolog","comment":"%","extension":".pl","runCommand":"swipl -s {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Erlang","key":"erlang","comment":"%","extension":".erl","runCommand":"escript {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Clojure","key":"clojure","comment":";","extension":".clj","runCommand":"clojure {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Julia","key":"julia","comment":"#","extension":".jl","runCommand":"julia {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Elixir","key":"elixir","comment":"#","extension":".ex","runCommand":"elixir {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Pascal","key":"pascal","comment":"//","extension":".pas","runCommand":"fpc {file} && ./{file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"VBScript","key":"vbscript","comment":"\'","extension":".vbs","runCommand":"cscript {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"CoffeeScript","key":"coffeescript","comment":"#","extension":".coffee","runCommand":"coffee {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Objective-C","key":"objective-c","comment":"//","extension":".m","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Scheme","key":"scheme","comment":";","extension":".scm","runCommand":"scheme --script {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Tcl","key":"tcl","comment":"#","extension":".tcl","runCommand":"tclsh {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"D","key":"d","comment":"//","extension":".d","runCommand":"rdmd {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Ada","key":"ada","comment":"--","extension":".ada","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Nim","key":"nim","comment":"#","extension":".nim","runCommand":"nim r {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"OCaml","key":"ocaml","comment":"(**)","extension":".ml","runCommand":"ocaml {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"LLM","key":"llm","comment":"del","extension":".prompt","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"prompt","key":"prompt","comment":"del","extension":".prompt","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"TOML","key":"toml","comment":"#","extension":".toml","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Log","key":"log","comment":"del","extension":".log","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"reStructuredText","key":"restructuredtext","comment":"del","extension":".rst","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Text","key":"text","comment":"del","extension":".txt","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"INI","key":"ini","comment":";","extension":".ini","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Verilog","key":"verilog","comment":"//","extension":".v","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Systemverilog","key":"systemverilog","comment":"//","extension":".sv","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Prisma","key":"prisma","comment":"///","extension":".prisma","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Lean","key":"lean","comment":"--","extension":".lean","runCommand":"lean {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"Agda","key":"agda","comment":"--","extension":".agda","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"JavaScriptReact","key":"javascriptreact","comment":"//","extension":".jsx","runCommand":"node {file}","runTestCommand":"node {file}","outputs":["code","test","example"]},{"name":"Svelte","key":"svelte","comment":"//","extension":".svelte","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Vue","key":"vue","comment":"//","extension":".vue","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"SCSS","key":"scss","comment":"//","extension":".scss","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Sass","key":"sass","comment":"//","extension":".sass","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Less","key":"less","comment":"//","extension":".less","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Jinja","key":"jinja","comment":"#","extension":".jinja2","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Handlebars","key":"handlebars","comment":"{{!}}","extension":".hbs","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Pug","key":"pug","comment":"//","extension":".pug","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"EJS","key":"ejs","comment":"//","extension":".ejs","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Twig","key":"twig","comment":"{#}","extension":".twig","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Terraform","key":"terraform","comment":"#","extension":".tf","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"HCL","key":"hcl","comment":"#","extension":".hcl","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Solidity","key":"solidity","comment":"//","extension":".sol","runCommand":"","runTestCommand":"","outputs":["code","test","example"]},{"name":"Zig","key":"zig","comment":"//","extension":".zig","runCommand":"zig run {file}","runTestCommand":"zig test {file}","outputs":["code","test","example"]},{"name":"Mojo","key":"mojo","comment":"#","extension":".mojo","runCommand":"mojo run {file}","runTestCommand":"","outputs":["code","test","example"]},{"name":"GraphQL","key":"graphql","comment":"#","extension":".graphql","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Protobuf","key":"protobuf","comment":"//","extension":".proto","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Nix","key":"nix","comment":"#","extension":".nix","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"GLSL","key":"glsl","comment":"//","extension":".glsl","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"WGSL","key":"wgsl","comment":"//","extension":".wgsl","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Starlark","key":"starlark","comment":"#","extension":".bzl","runCommand":"","runTestCommand":"","outputs":["code"]},{"name":"Dockerfile","key":"dockerfile","comment":"#","extension":".dockerfile","runCommand":"","runTestCommand":"","outputs":["code"]}],"u5":[{"id":"ada","display":"Ada","aliases":["ada"],"extensions":[".ada"]},{"id":"agda","display":"Agda","aliases":["agda"],"extensions":[".agda"]},{"id":"assembly","display":"Assembly","aliases":["assembly"],"extensions":[".asm"]},{"id":"bash","display":"Bash","aliases":["bash"],"extensions":[".sh"]},{"id":"c","display":"C","aliases":["c"],"extensions":[".c"]},{"id":"c-plus-plus","display":"C++","aliases":["c++","c-plus-plus","cpp"],"extensions":[".cpp"]},{"id":"c-sharp","display":"C#","aliases":["c#","c-sharp","csharp"],"extensions":[".cs"]},{"id":"clojure","display":"Clojure","aliases":["clojure"],"extensions":[".clj"]},{"id":"cobol","display":"COBOL","aliases":["cobol"],"extensions":[".cob"]},{"id":"coffeescript","display":"CoffeeScript","aliases":["coffeescript"],"extensions":[".coffee"]},{"id":"css","display":"CSS","aliases":["css"],"extensions":[".css"]},{"id":"csv","display":"CSV","aliases":["csv"],"extensions":[".csv"]},{"id":"d","display":"D","aliases":["d"],"extensions":[".d"]},{"id":"dart","display":"Dart","aliases":["dart"],"extensions":[".dart"]},{"id":"dockerfile","display":"Dockerfile","aliases":["dockerfile"],"extensions":[".dockerfile"]},{"id":"ejs","display":"EJS","aliases":["ejs"],"extensions":[".ejs"]},{"id":"elixir","display":"Elixir","aliases":["elixir"],"extensions":[".ex"]},{"id":"erlang","display":"Erlang","aliases":["erlang"],"extensions":[".erl"]},{"id":"f-sharp","display":"F#","aliases":["f#","f-sharp","fsharp"],"extensions":[".fs"]},{"id":"fish","display":"Fish","aliases":["fish"],"extensions":[".fish"]},{"id":"fortran","display":"Fortran","aliases":["fortran"],"extensions":[".f90"]},{"id":"glsl","display":"GLSL","aliases":["glsl"],"extensions":[".glsl"]},{"id":"go","display":"Go","aliases":["go"],"extensions":[".go"]},{"id":"graphql","display":"GraphQL","aliases":["graphql"],"extensions":[".graphql"]},{"id":"groovy","display":"Groovy","aliases":["groovy"],"extensions":[".groovy"]},{"id":"handlebars","display":"Handlebars","aliases":["handlebars"],"extensions":[".hbs"]},{"id":"haskell","display":"Haskell","aliases":["haskell"],"extensions":[".hs"]},{"id":"hcl","display":"HCL","aliases":["hcl"],"extensions":[".hcl"]},{"id":"html","display":"HTML","aliases":["html"],"extensions":[".html"]},{"id":"ini","display":"INI","aliases":["ini"],"extensions":[".ini"]},{"id":"java","display":"Java","aliases":["java"],"extensions":[".java"]},{"id":"javascript","display":"JavaScript","aliases":["javascript"],"extensions":[".js"]},{"id":"javascriptreact","display":"JavaScriptReact","aliases":["javascriptreact","jsx"],"extensions":[".jsx"]},{"id":"jinja","display":"Jinja","aliases":["jinja"],"extensions":[".jinja2"]},{"id":"json","display":"JSON","aliases":["json"],"extensions":[".json"]},{"id":"jsonl","display":"JSONL","aliases":["jsonl"],"extensions":[".jsonl"]},{"id":"julia","display":"Julia","aliases":["julia"],"extensions":[".jl"]},{"id":"kotlin","display":"Kotlin","aliases":["kotlin"],"extensions":[".kt"]},{"id":"latex","display":"LaTeX","aliases":["latex"],"extensions":[".tex"]},{"id":"lean","display":"Lean","aliases":["lean"],"extensions":[".lean"]},{"id":"less","display":"Less","aliases":["less"],"extensions":[".less"]},{"id":"lisp","display":"Lisp","aliases":["lisp"],"extensions":[".lisp"]},{"id":"llm","display":"LLM","aliases":["llm"],"extensions":[".prompt"]},{"id":"log","display":"Log","aliases":["log"],"extensions":[".log"]},{"id":"lua","display":"Lua","aliases":["lua"],"extensions":[".lua"]},{"id":"makefile","display":"Makefile","aliases":["makefile"],"extensions":[""]},{"id":"markdown","display":"Markdown","aliases":["markdown"],"extensions":[".md"]},{"id":"matlab","display":"MATLAB","aliases":["matlab"],"extensions":[".m"]},{"id":"mojo","display":"Mojo","aliases":["mojo"],"extensions":[".mojo"]},{"id":"nim","display":"Nim","aliases":["nim"],"extensions":[".nim"]},{"id":"nix","display":"Nix","aliases":["nix"],"extensions":[".nix"]},{"id":"objective-c","display":"Objective-C","aliases":["objective-c","objectivec"],"extensions":[".m"]},{"id":"ocaml","display":"OCaml","aliases":["ocaml"],"extensions":[".ml"]},{"id":"pascal","display":"Pascal","aliases":["pascal"],"extensions":[".pas"]},{"id":"perl","display":"Perl","aliases":["perl"],"extensions":[".pl"]},{"id":"php","display":"PHP","aliases":["php"],"extensions":[".php"]},{"id":"powershell","display":"PowerShell","aliases":["powershell"],"extensions":[".ps1"]},{"id":"prisma","display":"Prisma","aliases":["prisma"],"extensions":[".prisma"]},{"id":"prolog","display":"Prolog","aliases":["prolog"],"extensions":[".pl"]},{"id":"prompt","display":"prompt","aliases":["prompt"],"extensions":[".prompt"]},{"id":"protobuf","display":"Protobuf","aliases":["protobuf"],"extensions":[".proto"]},{"id":"pug","display":"Pug","aliases":["pug"],"extensions":[".pug"]},{"id":"python","display":"Python","aliases":["python"],"extensions":[".py"]},{"id":"r","display":"R","aliases":["r"],"extensions":[".r"]},{"id":"restructuredtext","display":"reStructuredText","aliases":["restructuredtext","rst"],"extensions":[".rst"]},{"id":"ruby","display":"Ruby","aliases":["ruby"],"extensions":[".rb"]},{"id":"rust","display":"Rust","aliases":["rust"],"extensions":[".rs"]},{"id":"sass","display":"Sass","aliases":["sass"],"extensions":[".sass"]},{"id":"scala","display":"Scala","aliases":["scala"],"extensions":[".scala"]},{"id":"scheme","display":"Scheme","aliases":["scheme"],"extensions":[".scm"]},{"id":"scss","display":"SCSS","aliases":["scss"],"extensions":[".scss"]},{"id":"shell","display":"Shell","aliases":["shell"],"extensions":[".sh"]},{"id":"solidity","display":"Solidity","aliases":["solidity"],"extensions":[".sol"]},{"id":"sql","display":"SQL","aliases":["sql"],"extensions":[".sql"]},{"id":"starlark","display":"Starlark","aliases":["starlark"],"extensions":[".bzl"]},{"id":"svelte","display":"Svelte","aliases":["svelte"],"extensions":[".svelte"]},{"id":"swift","display":"Swift","aliases":["swift"],"extensions":[".swift"]},{"id":"systemverilog","display":"Systemverilog","aliases":["systemverilog"],"extensions":[".sv"]},{"id":"tcl","display":"Tcl","aliases":["tcl"],"extensions":[".tcl"]},{"id":"terraform","display":"Terraform","aliases":["terraform"],"extensions":[".tf"]},{"id":"text","display":"Text","aliases":["text"],"extensions":[".txt"]},{"id":"toml","display":"TOML","aliases":["toml"],"extensions":[".toml"]},{"id":"twig","display":"Twig","aliases":["twig"],"extensions":[".twig"]},{"id":"typescript","display":"TypeScript","aliases":["typescript"],"extensions":[".ts"]},{"id":"typescriptreact","display":"TypeScriptReact","aliases":["tsx","typescriptreact"],"extensions":[".tsx"]},{"id":"vbscript","display":"VBScript","aliases":["vbscript"],"extensions":[".vbs"]},{"id":"verilog","display":"Verilog","aliases":["verilog"],"extensions":[".v"]},{"id":"vue","display":"Vue","aliases":["vue"],"extensions":[".vue"]},{"id":"wgsl","display":"WGSL","aliases":["wgsl"],"extensions":[".wgsl"]},{"id":"xml","display":"XML","aliases":["xml"],"extensions":[".xml"]},{"id":"yaml","display":"YAML","aliases":["yaml","yml"],"extensions":[".yaml",".yml"]},{"id":"zig","display":"Zig","aliases":["zig"],"extensions":[".zig"]},{"id":"zsh","display":"Zsh","aliases":["zsh"],"extensions":[".zsh"]}],"Vp":{"python":".py","javascript":".js","typescript":".ts","java":".java","cpp":".cpp","c":".c","go":".go","ruby":".rb","rust":".rs","kotlin":".kt","swift":".swift","csharp":".cs","php":".php","scala":".scala","r":".r","lua":".lua","perl":".pl","bash":".sh","shell":".sh","powershell":".ps1","sql":".sql","html":".html","css":".css","prompt":".prompt","makefile":"","typescriptreact":".tsx","javascriptreact":".jsx","svelte":".svelte","vue":".vue","json":".json","jsonl":".jsonl","yaml":".yaml","yml":".yml","toml":".toml","ini":".ini","markdown":".md"},"NA":["python","java","cpp","javascript","ruby","php","swift","go","rust","kotlin","typescript","typescriptreact","csharp","shell","bash","fish","zsh","powershell","perl","r","matlab","lua","haskell","scala","groovy","dart","fsharp","assembly","fortran","cobol","lisp","prolog","erlang","clojure","julia","elixir","pascal","vbscript","coffeescript","objective-c","scheme","tcl","d","ada","nim","ocaml","lean","agda","javascriptreact","svelte","vue","solidity","zig","mojo","verilog","systemverilog"]}');
;// CONCATENATED MODULE: ./build/tmp/js/src/discover/languages.js
/**
 * PDD's language table (pdd/data/language_format.csv, generated into languages.json by
 * scripts/gen-languages.mjs) and the lookups PDD performs on it.
 */


/** Where the table came from (`pdd-cli <version> pdd/data/language_format.csv`). */
const LANGUAGE_TABLE_SOURCE = languages_namespaceObject.sP;
/** All CSV rows, in file order (duplicates such as the two YAML rows included). */
const LANGUAGE_ROWS = languages_namespaceObject.Ge;
/** `sync_main.SUPPORTED_SYNC_LANGUAGES`: the languages PDD tries when expanding `outputs.prompt.path`. */
const SYNC_LANGUAGES = languages_namespaceObject.NA;
const BUILTIN_EXT_MAP = languages_namespaceObject.Vp;
const REGISTRY = languages_namespaceObject.u5;
// Lookups below are pure functions of a short string asked once or more per unit: cached per process.
const extensionCache = new Map();
const knownCache = new Map();
const byExtensionCache = new Map();
const firstRowByKey = new Map();
for (const row of LANGUAGE_ROWS)
    if (row.key !== '' && !firstRowByKey.has(row.key))
        firstRowByKey.set(row.key, row);
const specByAlias = new Map();
const specsByExtension = new Map();
for (const spec of REGISTRY) {
    for (const alias of spec.aliases)
        specByAlias.set(casefold(alias), spec);
    for (const ext of spec.extensions)
        specsByExtension.set(ext, [...(specsByExtension.get(ext) ?? []), spec]);
}
/** The first CSV row whose lower-cased name equals `language.toLowerCase()`, as PDD's lookups pick it. */
function rowFor(language) {
    return firstRowByKey.get(language.toLowerCase());
}
/**
 * File extension **without** the dot, exactly as `sync_determine_operation.get_extension`: the first CSV row
 * (`.yml` for YAML, `R` for R — case kept), else `construct_paths.BUILTIN_EXT_MAP`, else the raw lower-cased
 * language name (so an alias such as `c-plus-plus` yields `c-plus-plus`).
 */
function extensionFor(language) {
    let ext = extensionCache.get(language);
    if (ext === undefined)
        extensionCache.set(language, (ext = computeExtension(language)));
    return ext;
}
function computeExtension(language) {
    if (language === '')
        return '';
    const row = rowFor(language);
    if (row !== undefined)
        return row.extension.trim().replace(/^\.+/, '');
    const lower = language.toLowerCase();
    const builtin = BUILTIN_EXT_MAP[lower];
    return (builtin ?? lower).replace(/^\.+/, '');
}
/** `_dot`: `.ext`, or `''` for an extensionless language (Makefile). */
function dotted(ext) {
    return ext === '' ? '' : `.${ext}`;
}
/**
 * `construct_paths._is_known_language`: the suffix resolves through PDD's language registry, whose aliases are
 * every CSV display name (case-folded), its stable id (`c-plus-plus`) and legacy aliases (`cpp`, `tsx`, `yml`).
 */
function isKnownLanguage(suffix) {
    let known = knownCache.get(suffix);
    if (known === undefined)
        knownCache.set(suffix, (known = suffix !== '' && specByAlias.has(casefold(suffix))));
    return known;
}
/**
 * The language of a prompt-name suffix (`Python` in `calc_Python.prompt`), case-insensitively, or null when PDD
 * would not accept it (`sync_main._detect_languages`).
 */
function languageForSuffix(suffix) {
    const spec = suffix === '' ? undefined : specByAlias.get(casefold(suffix));
    if (spec === undefined)
        return null;
    const key = suffix.toLowerCase();
    return { key, display: spec.display, runtimeOnly: key === 'llm' };
}
/**
 * `get_language.get_language`: the display name for a file extension when exactly one language claims it, else
 * the first CSV row with that extension (`.sh` → `Shell`), else `''` (`.prompt` is never a language here).
 */
function languageForExtension(extension) {
    let name = byExtensionCache.get(extension);
    if (name === undefined)
        byExtensionCache.set(extension, (name = computeLanguageForExtension(extension)));
    return name;
}
function computeLanguageForExtension(extension) {
    let ext = casefold(extension.trim());
    if (ext === '')
        return '';
    if (!ext.startsWith('.'))
        ext = `.${ext}`;
    const specs = specsByExtension.get(ext) ?? [];
    if (specs.length === 1)
        return specs[0].display;
    if (ext === '.prompt')
        return '';
    for (const row of LANGUAGE_ROWS) {
        let rowExt = casefold(row.extension.trim());
        if (rowExt !== '' && !rowExt.startsWith('.'))
            rowExt = `.${rowExt}`;
        if (rowExt === ext)
            return row.name.trim();
    }
    return '';
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/project.js
/**
 * The state shared by the ported resolvers for one discovery run: the cached file system view, the CWD
 * (= repository root, where the executor runs `pdd`), the environment, the `--context` override and cached
 * `.pddrc` loads. Also PDD's path-safety predicates (`_unsafe_portable_path_component`,
 * `_contains_disallowed_path_text`, `_symlink_chain_within_root`).
 */




/** Shared state of one discovery run. */
class project_Project {
    view;
    cwd;
    cliContext;
    loads = new Map();
    pddrcAt = new Map();
    archAt = new Map();
    gitAt = new Map();
    tables = new Map();
    /** Warnings collected while resolving (deduplicated by the caller). */
    warnings = [];
    /** Environment `pdd` sees: a snapshot, as lookups on `process.env` are slow and resolvers make thousands. */
    env;
    /** `view.isDir` and `view.realpath` as plain callbacks, made once rather than per call. */
    isDir = (p) => this.view.isDir(p);
    realpath = (p) => this.view.realpath(p);
    constructor(view, 
    /** Real absolute path of the repository root, which is `pdd`'s CWD. */
    cwd, env, 
    /** `--context` given to every `pdd` invocation, or null. */
    cliContext) {
        this.view = view;
        this.cwd = cwd;
        this.cliContext = cliContext;
        this.env = Object.assign(Object.create(null), env);
    }
    /**
     * A named cache for a resolver's pure function of a path (per directory, per file): the file system view and
     * the configuration do not change during a run, so each answer is computed once.
     */
    table(name) {
        let t = this.tables.get(name);
        if (t === undefined)
            this.tables.set(name, (t = new Map()));
        return t;
    }
    /** `_find_pddrc_file(start)`: upward search, bounded by the repository root when `start` lies inside it. */
    findPddrc(startAbs) {
        // Keys are normal absolute paths, so a hit on the string as given needs no normalisation.
        const hit = this.pddrcAt.get(startAbs);
        return hit !== undefined ? hit : this.searchPddrc(absolute(startAbs));
    }
    // The searches live apart from their cache lookups, which run thousands of times and need no closure.
    searchPddrc(start) {
        return memo(this.pddrcAt, start, () => {
            const candidate = joinName(start, '.pddrc');
            if (this.view.isFile(candidate))
                return candidate;
            const parent = parentOf(start);
            const inside = start === this.cwd || start.startsWith(`${this.cwd}/`);
            return (inside && start === this.cwd) || parent === start ? null : this.findPddrc(parent);
        });
    }
    /** `_load_pddrc_config`, cached. */
    loadPddrc(file) {
        const cached = this.loads.get(file);
        if (cached !== undefined)
            return cached;
        let load;
        try {
            const parsed = parsePddrc(external_node_fs_namespaceObject.readFileSync(file, 'utf8'), file);
            this.warnings.push(...parsed.warnings);
            load = { config: parsed.config };
        }
        catch (e) {
            const err = e instanceof PddrcError ? e : new PddrcError(file, `${file}: cannot read .pddrc: ${String(e)}`);
            load = { config: null, error: err };
        }
        this.loads.set(file, load);
        return load;
    }
    /** The config of the nearest `.pddrc` above `startAbs`, or null when there is none or it is malformed. */
    configAt(startAbs) {
        const file = this.findPddrc(startAbs);
        return file === null ? null : this.loadPddrc(file).config;
    }
    /** `_find_architecture_json`: upward from `startAbs`, stopping at a directory holding `.pddrc`. */
    findArchitecture(startAbs) {
        const hit = this.archAt.get(startAbs);
        return hit !== undefined ? hit : this.searchArchitecture(absolute(startAbs));
    }
    searchArchitecture(cur) {
        return memo(this.archAt, cur, () => {
            if (cur === parentOf(cur))
                return null;
            const arch = joinName(cur, 'architecture.json');
            if (this.view.exists(arch))
                return arch;
            const inside = cur === this.cwd || cur.startsWith(`${this.cwd}/`);
            if (this.view.exists(joinName(cur, '.pddrc')) || (inside && cur === this.cwd))
                return null;
            return this.findArchitecture(parentOf(cur));
        });
    }
    /** `os.path.realpath` (cached). */
    real(p) {
        return this.view.realpath(p) ?? absolute(p);
    }
    /** The enclosing git worktree root (a `.git` entry), searched no higher than the repository root. */
    gitRoot(startAbs) {
        const hit = this.gitAt.get(startAbs);
        return hit !== undefined ? hit : this.searchGitRoot(absolute(startAbs));
    }
    searchGitRoot(dir) {
        return memo(this.gitAt, dir, () => {
            if (this.view.exists(joinName(dir, '.git')))
                return this.real(dir);
            return dir === this.cwd || dir === parentOf(dir) ? null : this.gitRoot(parentOf(dir));
        });
    }
    /** `_symlink_chain_within_root`: every physical hop of `p` stays on the way to, or inside, one of `roots`. */
    chainWithin(p, roots) {
        const norms = roots.map(r => external_node_path_namespaceObject.normalize(r));
        const relation = (node) => {
            for (const rn of norms) {
                if (node === rn || node.startsWith(rn.endsWith('/') ? rn : `${rn}/`))
                    return 'inside';
                if (rn.startsWith(node.endsWith('/') ? node : `${node}/`))
                    return 'ancestor';
            }
            return 'outside';
        };
        const queue = external_node_path_namespaceObject.resolve(p)
            .split('/')
            .filter(x => x !== '');
        let resolved = '/';
        for (let steps = 0; queue.length > 0; steps++) {
            if (steps > 4096)
                return false;
            const comp = queue.shift();
            if (comp === '.')
                continue;
            if (comp === '..') {
                resolved = parentOf(resolved);
                continue;
            }
            const node = external_node_path_namespaceObject.join(resolved, comp);
            const rel = relation(node);
            if (rel === 'outside')
                return false;
            const link = rel === 'inside' && this.view.entry(node)?.symlink === true ? readlink(node) : null;
            if (link === null) {
                resolved = node;
                continue;
            }
            if (link.startsWith('/'))
                resolved = '/';
            queue.unshift(...link.split('/').filter(x => x !== ''));
        }
        return relation(resolved) !== 'outside';
    }
}
function memo(cache, key, compute) {
    let value = cache.get(key);
    if (value === undefined) {
        value = compute();
        cache.set(key, value);
    }
    return value;
}
function readlink(p) {
    try {
        return external_node_fs_namespaceObject.readlinkSync(p);
    }
    catch {
        return null;
    }
}
const RESERVED = new Set(['CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$', 'CLOCK$']);
const componentVerdicts = new Map();
/** `_unsafe_portable_path_component`: invalid or special on Windows (`<>:"\|?*`, trailing dot/space, `CON`…). */
function project_unsafePortableComponent(part) {
    let verdict = componentVerdicts.get(part);
    if (verdict === undefined) {
        verdict = unsafeComponent(part);
        componentVerdicts.set(part, verdict);
    }
    return verdict;
}
function unsafeComponent(part) {
    const identity = (part.replace(/[ .]+$/, '').split('.')[0] ?? '').toUpperCase();
    return (/[<>:"\\|?*]/.test(part) ||
        part.endsWith(' ') ||
        part.endsWith('.') ||
        RESERVED.has(identity) ||
        (identity.length === 4 &&
            ['COM', 'LPT'].includes(identity.slice(0, 3)) &&
            '123456789¹²³'.includes(identity[3])));
}
// Printable ASCII without `<>:"\|?*` or space, and the shapes that make such a path unportable: a component ending
// in `.`, or one whose identity (up to its first `.`) is a reserved device name.
const PLAIN_PATH = /^[A-Za-z0-9!#$%&'()+,\-./;=@[\]^_`{}~]*$/;
const PLAIN_UNSAFE = /\.(?:\/|$)|(?:^|\/)(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|CLOCK\$|COM[1-9]|LPT[1-9])(?:[./]|$)/i;
/**
 * `portableParts(rel.split('/'))` for a `/`-separated relative path: no component is unportable
 * ({@link unsafePortableComponent}) or contains disallowed text. Plain ASCII paths are judged in one pass.
 */
function portableRelative(rel) {
    if (PLAIN_PATH.test(rel))
        return !PLAIN_UNSAFE.test(rel);
    return !rel.split('/').some(p => project_unsafePortableComponent(p) || project_hasDisallowedText(p));
}
/** `_contains_disallowed_path_text`: control, format, surrogate or line/paragraph separator characters. */
function project_hasDisallowedText(value) {
    return /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(value);
}
/** `_safe_architecture_prompt_filename`: a safe repository-relative POSIX path, or null. */
function safeRelativePath(value) {
    if (typeof value !== 'string' || value === '' || value !== value.trim())
        return null;
    if (project_hasDisallowedText(value) || value.includes('\\') || /^[A-Za-z]:/.test(value))
        return null;
    const parts = value.split('/').filter(p => p !== '' && p !== '.');
    if (parts.length === 0 || parts.join('/') !== value || value.startsWith('/') || parts.includes('..'))
        return null;
    // `parts` is exactly `value.split('/')` here and no part has disallowed text.
    return portableRelative(value) ? parts : null;
}
/** `_safe_prompt_language`: one safe component without whitespace. */
function safeLanguage(value) {
    let safe = safeLanguages.get(value);
    if (safe === undefined) {
        const parts = safeRelativePath(value);
        safe = parts !== null && parts.length === 1 && !/\s/u.test(value);
        safeLanguages.set(value, safe);
    }
    return safe;
}
const safeLanguages = new Map();

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/architecture-territory.js
/**
 * Which `architecture.json` rows a prompt may borrow its code path from (`_borrow_ownership_ok`,
 * `_belongs_to_resolved_prompt`, `_filepath_matches_context`, `_context_owned_filepath`,
 * `_filepath_owned_by_other_context`, `_contained_architecture_code_path`, `sync_order.extract_module_from_include`).
 */





/** `extract_module_from_include`: the module name of `<name>_<lang>.prompt` / `<name>_example.*`, else null. */
function extractModuleFromInclude(includePath) {
    const filename = external_node_path_namespaceObject.posix.basename(includePath);
    const dot = filename.lastIndexOf('.');
    const stem = dot > 0 && dot < filename.length - 1 ? filename.slice(0, dot) : filename;
    const isExample = stem.includes('_example');
    const suffix = /_([a-zA-Z0-9]+)$/.exec(stem)?.[1]?.toLowerCase() ?? null;
    const isLang = suffix !== null && suffix !== 'llm' && suffix !== 'prompt' && isKnownLanguage(suffix);
    if (!(isExample || (filename.endsWith('.prompt') && isLang)))
        return null;
    let clean = isLang ? stem.replace(/_[a-zA-Z0-9]+$/, '') : stem;
    clean = clean.replace(/_example$/i, '');
    return clean === '' ? null : clean;
}
/** `_contained_architecture_code_path`: the resolved code path when the row's filepath is safe, else null. */
function containedCodePath(project, archDir, filepath) {
    if (typeof filepath !== 'string')
        return null;
    const parts = safeRelativePath(filepath);
    if (parts === null)
        return null;
    const root = project.real(archDir);
    const candidate = project.real(external_node_path_namespaceObject.join(root, ...parts));
    return candidate === root || candidate.startsWith(`${root}/`) ? candidate : null;
}
/** `_filepath_matches_context`: null when the context declares no territory. */
function filepathMatchesContext(normalized, ctx, projectRoot, rootOutputMatches) {
    const rel = (v) => {
        const p = external_node_path_namespaceObject.posix.normalize(v.replace(/\\/g, '/'));
        if (!p.startsWith('/'))
            return p.replace(/^\.\//, '');
        return p === projectRoot ? '.' : p.startsWith(`${projectRoot}/`) ? p.slice(projectRoot.length + 1) : null;
    };
    const globs = ctx.paths.filter(p => p !== '');
    const prefixes = [];
    for (const k of ['generate_output_path', 'test_output_path', 'example_output_path']) {
        const v = ctx.defaults[k];
        if (typeof v === 'string' && v.trim() !== '')
            prefixes.push(v);
    }
    const outputs = ctx.defaults.outputs;
    if (typeof outputs === 'object' && outputs !== null) {
        for (const spec of Object.values(outputs)) {
            const t = typeof spec === 'object' && spec !== null ? spec.path : undefined;
            if (typeof t === 'string' && t.trim() !== '')
                prefixes.push(t);
        }
    }
    if (globs.length === 0 && prefixes.length === 0)
        return null;
    for (const g of globs) {
        const pat = rel(g);
        if (pat === null)
            continue;
        const base = rstripChars(rstripChars(pat, '*'), '/');
        if (fnmatch(normalized, pat) || normalized === base || (base !== '' && normalized.startsWith(`${base}/`)))
            return true;
    }
    for (const prefix of prefixes) {
        const head = prefix.replace(/\\/g, '/').split('{')[0];
        const norm = rel(head);
        if (norm === null)
            continue;
        let base = rstripChars(norm.trim(), '/');
        if (base.startsWith('./'))
            base = base.slice(2);
        if (base === '' || base === '.') {
            if (rootOutputMatches)
                return true;
            continue;
        }
        if (normalized === base || normalized.startsWith(`${base}/`))
            return true;
    }
    return false;
}
function inOtherContext(filepath, contextName, cfg) {
    if (cfg === null)
        return false;
    const normalized = external_node_path_namespaceObject.posix.normalize(filepath.trim().replace(/\\/g, '/'));
    return cfg.contexts.some(c => c.name !== 'default' &&
        c.name !== contextName &&
        filepathMatchesContext(normalized, c, cfg.dir, false) === true);
}
/** `_module_filepath_names_code_identity`: a qualified basename that spells the row's code path. */
function namesCodeIdentity(filepath, basename) {
    if (filepath.trim() === '' || !basename.includes('/'))
        return false;
    const requested = external_node_path_namespaceObject.posix.normalize(basename).toLowerCase();
    const fp = filepath.replace(/\\/g, '/');
    const leaf = external_node_path_namespaceObject.posix.basename(fp);
    const dot = leaf.lastIndexOf('.');
    const code = (dot > 0 && dot < leaf.length - 1 ? fp.slice(0, fp.length - leaf.length + dot) : fp).toLowerCase();
    return requested === external_node_path_namespaceObject.posix.normalize(code) || (code.startsWith('pdd/') && requested === code.slice(4));
}
/** `_belongs_to_resolved_prompt`: does the row's own prompt filename name this very prompt? */
function ownership(project, q) {
    const fn = q.module.filename;
    if (typeof fn !== 'string' || fn === '')
        return 'eligible';
    const parts = safeRelativePath(fn);
    if (parts === null)
        return 'ineligible';
    if (q.promptPath === null)
        return 'eligible';
    if (extractModuleFromInclude(parts[parts.length - 1]) === null)
        return 'eligible';
    const owners = new Set();
    for (const root of q.promptRoots) {
        const owner = walkCaseInsensitive(project, root, stripOverlap(root, parts));
        if (owner !== null && typeof owner === 'object') {
            if (project.real(root) === project.real(q.promptsRoot))
                return 'ineligible';
            continue;
        }
        if (owner !== null)
            owners.add(project.real(owner));
    }
    if (owners.size === 0)
        return 'eligible';
    if (![...owners].every(o => o === project.real(q.promptPath)))
        return 'ineligible';
    return owners.size === 1 ? 'proven' : 'eligible';
}
/** `_borrow_ownership_ok`: may this row supply the code path of the prompt being resolved? */
function borrowAllowed(project, arch, q) {
    const fp = q.module.filepath;
    if (typeof fp !== 'string')
        return false;
    const archDir = parentOf(arch.file);
    const contained = containedCodePath(project, archDir, fp);
    if (contained === null)
        return false;
    const fn = q.module.filename;
    const fnSafeOrAbsent = !(typeof fn === 'string' && fn !== '' && safeRelativePath(fn) === null);
    const namesCode = fnSafeOrAbsent && namesCodeIdentity(fp, q.basename);
    const root = project.real(archDir);
    const identities = [fp];
    const resolvedRel = contained === root ? '' : contained.slice(root.length + 1);
    if (resolvedRel !== '' && resolvedRel !== external_node_path_namespaceObject.posix.normalize(fp.replace(/\\/g, '/')))
        identities.push(resolvedRel);
    if (q.contextName !== null &&
        identities.some(i => inOtherContext(i, q.contextName, q.territory)) &&
        !namesCode)
        return false;
    const ctx = q.territory?.contexts.find(c => c.name === q.contextName);
    const normalized = external_node_path_namespaceObject.posix.normalize(fp.trim().replace(/\\/g, '/'));
    const owned = q.contextName === null || ctx === undefined || q.territory === null
        ? true
        : (filepathMatchesContext(normalized, ctx, q.territory.dir, true) ?? true);
    const own = ownership(project, q);
    if (own === 'ineligible' && !namesCode)
        return false;
    const fnText = typeof fn === 'string' ? fn : fn === null || fn === undefined ? '' : JSON.stringify(fn);
    const namesModule = fnText.trim().toLowerCase() === q.promptFilename.trim().toLowerCase();
    if (q.contextName === null && own !== 'proven' && !namesModule && !namesCode && q.territory !== null) {
        if (identities.some(i => inOtherContext(i, null, q.territory)))
            return false;
    }
    return owned || own === 'proven' || namesModule || namesCode;
}
/** `_prompt_relative_parts_for_root`: drops leading filename parts the root already ends with (case-insensitive). */
function stripOverlap(root, parts) {
    const rootParts = root.split('/').filter(p => p !== '');
    for (let k = Math.min(rootParts.length, parts.length); k > 0; k--) {
        const tail = rootParts
            .slice(-k)
            .map(p => p.toLowerCase())
            .join('/');
        if (tail ===
            parts
                .slice(0, k)
                .map(p => p.toLowerCase())
                .join('/'))
            return parts.slice(k);
    }
    return parts;
}
const ESCAPE = { escape: true };
function walkCaseInsensitive(project, root, parts) {
    if (parts.length === 0)
        return null;
    const realRoot = project.real(root);
    let cur = root;
    for (let i = 0; i < parts.length; i++) {
        const last = i === parts.length - 1;
        const hit = childCaseInsensitive(project, cur, parts[i], last ? 'file' : 'dir');
        if (hit === null)
            return null;
        cur = hit;
        if (!last && !architecture_territory_within(project.real(cur), realRoot))
            return ESCAPE;
    }
    const git = project.gitRoot(realRoot);
    if (architecture_territory_within(project.real(cur), realRoot)) {
        if (!project.view.hasSymlink(cur))
            return cur;
        return project.chainWithin(cur, git === null ? [realRoot, root] : [git]) ? cur : ESCAPE;
    }
    // An approved in-repository alias (#1991): a prompt symlink that stays inside the git worktree.
    const real = project.real(cur);
    return git !== null && real.startsWith(`${git}/`) && project.chainWithin(cur, [git]) ? cur : ESCAPE;
}
function architecture_territory_within(p, root) {
    return p === root || p.startsWith(`${root}/`);
}
/** `_indexed_directory_child`: the exact-cased child, else the first case-insensitive match in stable order. */
function childCaseInsensitive(project, dir, name, kind) {
    const exact = project.view.list(dir)?.get(name);
    return exact?.kind === kind ? joinName(dir, name) : caseInsensitiveChild(project, dir, name, kind);
}
function caseInsensitiveChild(project, dir, name, kind) {
    const matches = (project.view.byLowerName(dir).get(name.toLowerCase()) ?? [])
        .filter(e => e.kind === kind)
        .sort((a, b) => comparePy(casefold(a.name), casefold(b.name)) || comparePy(a.name, b.name));
    return matches[0] === undefined ? null : joinName(dir, matches[0].name);
}
/** Whether an output string component list is portable (used by containment checks). */
function portableParts(parts) {
    return !parts.some(p => unsafePortableComponent(p) || hasDisallowedText(p));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/architecture.js
/**
 * `architecture.json` lookups of `sync_determine_operation`: loading (`MalformedArchitectureError`), bare-basename
 * ambiguity (`_architecture_module_choices`, `AmbiguousModuleError`) and the module row that supplies a unit's
 * code path (`_get_filepath_from_architecture`). Context territory rules come from architecture-territory.ts.
 */







/** Reads `architecture.json`; a present but unusable file is an error, as in PDD (fail closed). */
function loadArchitecture(file) {
    let data;
    try {
        data = JSON.parse(external_node_fs_namespaceObject.readFileSync(file, 'utf8'));
    }
    catch (e) {
        return { error: `malformed architecture.json: ${e.message}` };
    }
    const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    let list;
    if (Array.isArray(data))
        list = data;
    else if (isObj(data) && !('modules' in data))
        list = [];
    else if (isObj(data) && Array.isArray(data.modules))
        list = data.modules;
    else
        return { error: 'malformed architecture.json: unsupported architecture schema' };
    if (!list.every(isObj))
        return { error: 'malformed architecture.json: modules list contains a non-object entry' };
    return { file, modules: list };
}
const str = (v) => typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
const leafLower = (v) => external_node_path_namespaceObject.posix.basename(str(v).replace(/\\/g, '/')).toLowerCase();
const withoutSuffix = (p) => {
    const leaf = external_node_path_namespaceObject.posix.basename(p);
    const dot = leaf.lastIndexOf('.');
    return dot > 0 && dot < leaf.length - 1 ? p.slice(0, p.length - (leaf.length - dot)) : p;
};
const suffixLower = (p) => {
    const leaf = external_node_path_namespaceObject.posix.basename(p);
    const dot = leaf.lastIndexOf('.');
    return dot > 0 && dot < leaf.length - 1 ? leaf.slice(dot + 1).toLowerCase() : '';
};
/**
 * `_architecture_module_choices` for a bare basename: the distinct safe code paths of rows whose prompt filename
 * leaf is `<basename>_<language>.prompt` (or, for non-prompt filenames, whose filepath stem is the basename).
 * Path-qualified basenames: rows whose filepath ends with the (context-relative) basename.
 */
function moduleChoices(project, arch, basename, language, territory, contextName) {
    const archDir = parentOf(arch.file);
    const langExt = extensionFor(language).toLowerCase();
    const distinct = new Set();
    const qualified = basename.includes('/');
    const target = `${(qualified ? basename.split('/').pop() : basename)}_${language}.prompt`.toLowerCase();
    const relBase = qualified
        ? relativeBasenameForContext(basename, territory?.contexts.find(c => c.name === contextName), 'prompts-first')
        : basename;
    for (const m of arch.modules) {
        const fp = m.filepath;
        if (typeof fp !== 'string' || fp.trim() === '')
            continue;
        const fn = m.filename;
        if (typeof fn === 'string' && fn !== '' && safeRelativePath(fn) === null)
            continue;
        let matched;
        if (qualified) {
            const isForeignPrompt = leafLower(fn) !== target && str(fn) !== '' && extractModuleFromInclude(leafLower(fn)) !== null;
            matched = !isForeignPrompt && filepathEndsWith(fp, relBase) && suffixLower(fp) === langExt;
        }
        else {
            if (str(fn).endsWith('_LLM.prompt'))
                continue;
            const leaf = external_node_path_namespaceObject.posix.basename(str(fn));
            matched = leaf.toLowerCase() === target;
            if (!matched && extractModuleFromInclude(leaf) === null) {
                const stem = external_node_path_namespaceObject.posix.basename(withoutSuffix(fp.trim())).toLowerCase();
                matched = stem === basename.toLowerCase() && langExt !== '' && suffixLower(fp.trim()) === langExt;
            }
        }
        if (matched && containedCodePath(project, archDir, fp) !== null)
            distinct.add(external_node_path_namespaceObject.posix.normalize(fp.trim()));
    }
    return [...distinct].sort();
}
/** `_module_filepath_matches_basename`: leaf equality for a flat basename, path-suffix for a qualified one. */
function filepathEndsWith(filepath, relBasename) {
    if (typeof filepath !== 'string' || filepath === '')
        return false;
    const b = relBasename
        .split('/')
        .filter(p => p !== '' && p !== '.')
        .map(p => p.toLowerCase());
    const f = withoutSuffix(filepath)
        .split('/')
        .filter(p => p !== '' && p !== '.')
        .map(p => p.toLowerCase());
    if (b.length === 0 || f.length === 0)
        return false;
    if (b.length === 1)
        return f[f.length - 1] === b[0];
    return b.length <= f.length && f.slice(-b.length).join('/') === b.join('/');
}
/** `_get_filepath_from_architecture`: the `filepath` (and `filename`) of the row that owns this prompt. */
function filepathFromArchitecture(project, arch, q) {
    const langExt = extensionFor(q.language).replace(/^\./, '').toLowerCase();
    const qualified = q.basename.includes('/');
    const ctx = q.territory?.contexts.find(c => c.name === q.contextName);
    const relBase = relativeBasenameForContext(q.basename, ctx, 'prompts-first');
    const languageOk = (m) => langExt === '' ||
        typeof m.filepath !== 'string' ||
        m.filepath.trim() === '' ||
        suffixLower(m.filepath.replace(/\\/g, '/')) === langExt;
    const aligns = (m) => languageOk(m) && (!qualified || filepathEndsWith(m.filepath, relBase));
    const ok = (m) => aligns(m) && borrowAllowed(project, arch, { ...q, module: m });
    const pick = (m) => m === undefined ? null : [str(m.filepath), str(m.filename)];
    const exact = arch.modules.find(m => m.filename === q.promptFilename && ok(m));
    if (exact !== undefined)
        return pick(exact);
    const ci = arch.modules.find(m => str(m.filename).toLowerCase() === q.promptFilename.toLowerCase() && ok(m));
    if (ci !== undefined)
        return pick(ci);
    const leaf = unique(arch.modules.filter(m => leafLower(m.filename) === leafLower(q.promptFilename) && ok(m)));
    if (leaf !== null)
        return pick(leaf);
    return byBasename(arch, q, relBase, ok, languageOk);
}
function byBasename(arch, q, relBase, ok, languageOk) {
    const candidates = [q.basename];
    if (q.contextName !== null && relBase !== q.basename)
        candidates.push(relBase);
    for (const c of candidates) {
        const expected = `${c}_${q.language}.prompt`.toLowerCase();
        const row = arch.modules.find(m => str(m.filename).toLowerCase() === expected && ok(m));
        if (row !== undefined)
            return [str(row.filepath), str(row.filename)];
    }
    if (q.basename.includes('/')) {
        const simple = `${q.basename.split('/').pop()}_${q.language}.prompt`.toLowerCase();
        const safe = arch.modules.filter(m => str(m.filename).toLowerCase() === simple &&
            languageOk(m) &&
            filepathEndsWith(m.filepath, relBase) &&
            ok(m));
        if (safe.length === 1)
            return [str(safe[0].filepath), str(safe[0].filename)];
    }
    const ext = extensionFor(q.language).toLowerCase();
    const targetLeaf = relBase.split('/').pop().toLowerCase();
    const byStem = unique(arch.modules.filter(m => extractModuleFromInclude(external_node_path_namespaceObject.posix.basename(str(m.filename).replace(/\\/g, '/'))) === null &&
        typeof m.filepath === 'string' &&
        external_node_path_namespaceObject.posix.basename(withoutSuffix(m.filepath)).toLowerCase() === targetLeaf &&
        (ext === '' || suffixLower(m.filepath) === ext) &&
        ok(m)));
    return byStem === null ? null : [str(byStem.filepath), str(byStem.filename)];
}
/** `_unique_match`: one row per distinct filepath, or nothing when several outputs compete. */
function unique(rows) {
    const byPath = new Map();
    for (const r of rows) {
        if (typeof r.filepath !== 'string' || r.filepath.trim() === '')
            continue;
        const key = external_node_path_namespaceObject.posix.normalize(r.filepath);
        if (!byPath.has(key))
            byPath.set(key, r);
    }
    return byPath.size === 1 ? [...byPath.values()][0] : null;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/outputs.js
/**
 * Output-path rules shared by PDD's resolvers: `generate_output_paths.generate_output_paths` (one key),
 * `template_expander.expand_template`, `sync_determine_operation._expand_output_templates` and
 * `_reanchor_under_basename_subdir`. Paths are absolute POSIX strings; the file system is reached only through
 * the `isDir`/`realpath` callbacks.
 */


const rule = (pattern, contextKey, envVar) => {
    const [pre, rest] = pattern.split('{basename}');
    return { pattern, pre, mid: rest.slice(0, rest.indexOf('{ext}')), contextKey, envVar };
};
// Looked up by command, then key: no `<command>/<key>` string to build on every call.
const RULES = {
    sync: {
        generate_output_path: rule('{basename}{ext}', 'generate_output_path', 'PDD_GENERATE_OUTPUT_PATH'),
        test_output_path: rule('test_{basename}{ext}', 'test_output_path', 'PDD_TEST_OUTPUT_PATH'),
        example_output_path: rule('{basename}_example{ext}', 'example_output_path', 'PDD_EXAMPLE_OUTPUT_PATH')
    },
    example: { output: rule('{basename}_example{ext}', 'example_output_path', 'PDD_EXAMPLE_OUTPUT_PATH') },
    test: { output: rule('test_{basename}{ext}', 'test_output_path', 'PDD_TEST_OUTPUT_PATH') }
};
/** `_get_default_filename`: the pattern applied to the leaf, with the basename's directory kept in front. */
function defaultFilename(command, key, basename, ext) {
    const slash = basename.lastIndexOf('/');
    const dirPrefix = slash < 0 ? '' : basename.slice(0, slash + 1);
    const name = basename.slice(slash + 1);
    const r = RULES[command][key];
    // `replace` expands `$` patterns in the replacement, and a `{` in the name could hold the first `{ext}`:
    // only then is the literal assembly below not what the two replacements produce.
    if (name.includes('$') || name.includes('{') || ext.includes('$'))
        return dirPrefix + r.pattern.replace('{basename}', name).replace('{ext}', ext);
    return dirPrefix + r.pre + name + r.mid + ext;
}
/**
 * `generate_output_paths` for one key, as an absolute path. Order: `.pddrc` context value (a value ending in `/`
 * is "put files directly here": the basename's directory is dropped; an existing directory keeps it; anything
 * else is a file path), then the environment variable, then the default (`examples/` for `example`, else CWD).
 */
function generateOutputPath(o) {
    const r = RULES[o.command][o.key];
    const defaultName = defaultFilename(o.command, o.key, o.basename, o.ext);
    const contextPath = o.contextConfig[r.contextKey];
    const envPath = o.env[r.envVar];
    let finalPath;
    if (typeof contextPath === 'string' && contextPath !== '') {
        const endsWithSlash = contextPath.endsWith('/');
        const p = anchorRelative(contextPath, o);
        if (endsWithSlash || o.isDir(p)) {
            const leaf = o.basename.slice(o.basename.lastIndexOf('/') + 1);
            finalPath = pjoin(p, endsWithSlash ? defaultFilename(o.command, o.key, leaf, o.ext) : defaultName);
        }
        else
            finalPath = p;
    }
    else if (envPath !== undefined && envPath !== '') {
        const p = anchorRelative(envPath, o);
        finalPath = p.endsWith('/') || o.isDir(p) ? pjoin(p, defaultName) : p;
    }
    else {
        finalPath = o.command === 'example' ? pjoin('examples', defaultName) : defaultName;
    }
    return normpath(pjoin(o.cwd, finalPath));
}
function anchorRelative(p, o) {
    if (p.startsWith('/'))
        return p;
    if (o.mode === 'cwd')
        return pjoin(o.cwd, p);
    return o.configBase === null ? p : pjoin(o.configBase, p);
}
/** `expand_template`: substitutes placeholders (incl. `name_snake/pascal/kebab`) and drops empty segments. */
function expandTemplate(template, ctx) {
    const values = [
        ['name', ctx.name],
        ['category', ctx.category],
        ['dir_prefix', ctx.dir_prefix],
        ['ext', ctx.ext],
        ['language', ctx.language],
        ['name_snake', snake(ctx.name, '_')],
        ['name_pascal', pascal(ctx.name)],
        ['name_kebab', snake(ctx.name, '-')]
    ];
    let out = template;
    for (const [k, v] of values)
        out = out.split(`{${k}}`).join(v);
    if (out === '')
        return out;
    return normpath(out
        .split('/')
        .filter(p => p !== '')
        .join('/'));
}
function snake(s, sep) {
    if (s === '')
        return s;
    return s.replace(/(?!^)(?=[A-Z])/g, sep).toLowerCase();
}
function pascal(s) {
    if (s === '')
        return s;
    return s
        .split(/[_\-\s]+/)
        .filter(p => p !== '')
        .map(titleCase)
        .join('');
}
/** Python `str.title()` for one word: upper-case after every non-letter, lower-case elsewhere. */
function titleCase(word) {
    let out = '';
    let prevLetter = false;
    for (const ch of word) {
        const letter = /\p{L}/u.test(ch);
        out += letter ? (prevLetter ? ch.toLowerCase() : ch.toUpperCase()) : ch;
        prevLetter = letter;
    }
    return out;
}
/**
 * `_expand_output_templates`: expands the configured `outputs` templates (relative to the CWD unless absolute)
 * and fills missing artifacts with `<dir_prefix><name>.<ext>`, `examples/<name>_example.<ext>`,
 * `tests/test_<name>.<ext>`. `ext` is undotted here, as in PDD.
 */
function expandOutputTemplates(opts) {
    const parts = opts.basename.split('/');
    const name = parts[parts.length - 1];
    const category = parts.slice(0, -1).join('/');
    const dirPrefix = parts.length > 1 ? `${category}/` : '';
    const ctx = {
        name,
        category,
        dir_prefix: dirPrefix,
        ext: opts.ext,
        language: opts.language
    };
    const result = {};
    for (const [artifact, config] of Object.entries(opts.outputs)) {
        if (typeof config !== 'object' || config === null || !('path' in config))
            continue;
        const raw = config.path;
        const template = typeof raw === 'string' ? raw : JSON.stringify(raw);
        let expanded = expandTemplate(template, ctx);
        if (template.startsWith('/') && !expanded.startsWith('/'))
            expanded = `/${expanded}`;
        result[artifact] = expanded === '' ? '.' : expanded;
    }
    result.prompt ??= opts.promptPath;
    result.code ??= `${dirPrefix}${name}${dotted(opts.ext)}`;
    result.example ??= `examples/${name}_example${dotted(opts.ext)}`;
    result.test ??= `tests/test_${name}${dotted(opts.ext)}`;
    return result;
}
/** `_leading_overlap`: how many leading `sub` parts `base` already provides (tail/head or common prefix). */
function leadingOverlap(base, sub) {
    let tailHead = 0;
    for (let k = Math.min(base.length, sub.length); k > 0; k--) {
        if (base.slice(-k).join('\0') === sub.slice(0, k).join('\0')) {
            tailHead = k;
            break;
        }
    }
    let common = 0;
    for (let j = Math.min(base.length, sub.length); j > 0; j--) {
        if (base.slice(0, j).join('\0') === sub.slice(0, j).join('\0')) {
            common = j;
            break;
        }
    }
    return Math.max(tailHead, common);
}
/**
 * `_reanchor_under_basename_subdir`: inserts a path-qualified basename's directory into an output path unless
 * the path's directory (relative to the CWD) already provides it.
 */
function reanchorUnderBasenameSubdir(absPath, basename, cwd, realpath) {
    if (!basename.includes('/'))
        return absPath;
    const sub = basename
        .slice(0, basename.lastIndexOf('/'))
        .split('/')
        .filter(p => p !== '' && p !== '.' && p !== '..');
    if (sub.length === 0)
        return absPath;
    const parent = absPath.slice(0, absPath.lastIndexOf('/')) || '/';
    const realParent = realpath(parent) ?? parent;
    const realCwd = realpath(cwd) ?? cwd;
    let baseParts;
    if (realParent === realCwd)
        baseParts = [];
    else if (realParent.startsWith(`${realCwd}/`))
        baseParts = realParent.slice(realCwd.length + 1).split('/');
    else
        baseParts = ['/', ...parent.split('/').filter(p => p !== '')];
    const remaining = sub.slice(leadingOverlap(baseParts, sub));
    if (remaining.length === 0)
        return absPath;
    return `${parent === '/' ? '' : parent}/${remaining.join('/')}/${absPath.slice(absPath.lastIndexOf('/') + 1)}`;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/arch-branch.js
/**
 * The `architecture.json` branch of `get_pdd_file_paths`: when a module row owns the prompt, its `filepath` is
 * the code path and the example/test live under the context's example/test directories relative to the
 * architecture file's directory (or come from `.pddrc` `outputs` templates).
 */








/** `_architecture_prompt_roots`: directories that may own architecture prompt file names. */
function archPromptRoots(project, promptsRoot, archFile) {
    const projectRoot = project.real(parentOf(archFile));
    const candidates = [
        project.real(promptsRoot),
        external_node_path_namespaceObject.join(projectRoot, 'prompts'),
        external_node_path_namespaceObject.join(projectRoot, 'pdd', 'prompts')
    ];
    const config = project.configAt(promptsRoot);
    for (const ctx of config?.contexts ?? []) {
        const pd = ctx.defaults.prompts_dir;
        if (typeof pd === 'string' && pd.trim() !== '')
            candidates.push(pjoin(projectRoot, pd.trim()));
    }
    for (const c of [...candidates])
        if (parentOf(c) !== projectRoot)
            candidates.push(parentOf(c));
    const out = [];
    for (const c of candidates) {
        const real = project.real(c);
        if ((real === projectRoot || real.startsWith(`${projectRoot}/`)) && !out.includes(real))
            out.push(real);
    }
    return out;
}
/** The safe `filepath` of the row that owns the prompt, or null (unsafe rows are ignored with a warning, as in PDD). */
function ownerFilepath(project, q) {
    const archDir = parentOf(q.arch.file);
    const row = filepathFromArchitecture(project, q.arch, {
        promptFilename: external_node_path_namespaceObject.relative(q.promptsRoot, q.prompt).split(external_node_path_namespaceObject.sep).join('/'),
        basename: q.basename,
        language: q.language,
        promptPath: q.prompt,
        promptsRoot: q.promptsRoot,
        promptRoots: archPromptRoots(project, q.promptsRoot, q.arch.file),
        contextName: q.resolvedContext,
        territory: project.configAt(archDir)
    });
    if (row === null || row[0] === '')
        return null;
    if (containedCodePath(project, archDir, row[0]) === null) {
        const file = external_node_path_namespaceObject.relative(project.cwd, q.arch.file);
        project.warnings.push(`${file}: ignoring unsafe filepath '${row[0]}' for ${q.basename}`);
        return null;
    }
    return external_node_path_namespaceObject.posix.normalize(row[0]);
}
/** Runs the architecture branch. */
function archBranch(project, q) {
    const filepath = ownerFilepath(project, q);
    if (filepath === null)
        return null;
    const projectRoot = project.real(parentOf(q.arch.file));
    const codePath = external_node_path_namespaceObject.join(projectRoot, filepath);
    const ext = dotted(extensionFor(q.language));
    const d = dirs(project, q, codePath);
    const name = q.basename.split('/').pop();
    const codeStem = external_node_path_namespaceObject.basename(codePath, extName(codePath));
    let stem = codeStem;
    if (moduleChoices(project, q.arch, name, q.language, null, null).length > 1) {
        stem = filepath.slice(0, filepath.length - extName(filepath).length).replace(/\//g, '_');
    }
    const code = d.generate !== '' && !filepath.includes('/') ? pjoin(projectRoot, d.generate, filepath) : codePath;
    let example = pjoin(projectRoot, d.example, `${stem}_example${ext}`);
    let test = pjoin(projectRoot, d.test, `test_${stem}${ext}`);
    const configured = { example: false, test: false };
    if (Object.keys(d.outputs).length > 0) {
        const t = expandOutputTemplates({
            basename: q.templateBasename,
            language: q.language,
            ext: extensionFor(q.language),
            outputs: d.outputs,
            promptPath: q.prompt
        });
        if ('example' in d.outputs)
            [example, configured.example] = [pjoin(projectRoot, t.example), true];
        if ('test' in d.outputs)
            [test, configured.test] = [pjoin(projectRoot, t.test), true];
    }
    if (name !== codeStem && stem === codeStem) {
        example = configured.example
            ? example
            : (named(project, pjoin(projectRoot, d.example), `${name}_example${ext}`) ?? example);
        test = configured.test ? test : (named(project, pjoin(projectRoot, d.test), `test_${name}${ext}`) ?? test);
    }
    return { code, example, test, pinned: d.pinned };
}
function dirs(project, q, codePath) {
    let pinned = project.env.PDD_TEST_OUTPUT_PATH !== undefined;
    const pddrc = project.findPddrc(q.configAnchor);
    const config = pddrc === null ? null : project.loadPddrc(pddrc).config;
    if (config === null)
        return { example: 'examples/', test: 'tests/', generate: '', outputs: {}, pinned };
    const name = q.override ??
        q.resolvedContext ??
        detectContextForCwd(codePath, config) ??
        detectContextForCwd(project.cwd, config);
    const d = contextDefaults(config, name);
    const pick = (k, dflt) => {
        const v = d[k];
        const s = typeof v === 'string' && v !== '' ? v : dflt;
        return s !== '' && !s.endsWith('/') ? `${s}/` : s;
    };
    const outputs = typeof d.outputs === 'object' && d.outputs !== null ? d.outputs : {};
    pinned ||= pinsTestOutput(d);
    return {
        example: pick('example_output_path', 'examples/'),
        test: pick('test_output_path', 'tests/'),
        generate: pick('generate_output_path', ''),
        outputs,
        pinned
    };
}
/** `_pins_test_output_location`: an explicit `test_output_path` or `outputs.test.path` (presence, not truthiness). */
function pinsTestOutput(defaults) {
    if (defaults.test_output_path !== undefined && defaults.test_output_path !== null)
        return true;
    const outputs = defaults.outputs;
    if (typeof outputs !== 'object' || outputs === null)
        return false;
    const t = outputs.test;
    return (typeof t === 'object' &&
        t !== null &&
        t.path !== undefined &&
        t.path !== null);
}
/** `_find_named_file`: exact name, else the case-insensitive match in stable order. */
function named(project, dir, filename) {
    return project.view.isDir(dir) ? childCaseInsensitive(project, dir, filename, 'file') : null;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/construct.js
/**
 * The parts of `construct_paths.construct_paths` that sync relies on: which `.pddrc` and context apply, the
 * configuration hierarchy (context > environment), and the output path of one command.
 */






const HIERARCHY = [
    ['generate_output_path', 'PDD_GENERATE_OUTPUT_PATH'],
    ['test_output_path', 'PDD_TEST_OUTPUT_PATH'],
    ['example_output_path', 'PDD_EXAMPLE_OUTPUT_PATH'],
    ['prompts_dir', 'PDD_PROMPTS_DIR'],
    ['auto_deps_csv_path', 'PDD_AUTO_DEPS_CSV_PATH']
];
/**
 * `.pddrc` selection and context detection of `construct_paths`: the prompt's own `.pddrc` wins when it is a
 * descendant of the CWD's; then `--context`, else the prompt file's context, else the basename's, else the CWD's.
 * A malformed `.pddrc` or an override it does not define leaves PDD with no context configuration at all.
 */
function constructContext(project, index, opts) {
    const { pddrcFile, subproject } = selectPddrc(project, opts.promptFile);
    const config = pddrcFile === null ? null : project.loadPddrc(pddrcFile).config;
    if (pddrcFile !== null && config === null)
        return emptyContext(pddrcFile, subproject);
    let context = null;
    if (config !== null) {
        if (opts.override !== null) {
            if (unknownContext(project, config, opts.override, opts.promptFile))
                return emptyContext(pddrcFile, subproject);
            context = opts.override;
        }
        else
            context = detectContext(project, index, config, opts);
    }
    const { contextConfig, original, promptsDir } = contextSettings(project, config, context);
    return { pddrcFile, config, context, contextConfig, original, promptsDir, subproject };
}
function emptyContext(pddrcFile, subproject) {
    return {
        pddrcFile,
        config: null,
        context: null,
        contextConfig: {},
        original: {},
        promptsDir: undefined,
        subproject
    };
}
/** `--context` names a context the `.pddrc` lacks: construct_paths says so and continues without any settings. */
function unknownContext(project, config, override, promptFile) {
    if (config.contexts.some(c => c.name === override))
        return false;
    const where = external_node_path_namespaceObject.relative(project.cwd, config.file);
    project.warnings.push(`${where} has no context '${override}': PDD ignores its settings for ${promptFile === undefined ? 'discovery' : external_node_path_namespaceObject.relative(project.cwd, promptFile)} ("Configuration error")`);
    return true;
}
const settingsCache = new WeakMap();
/**
 * The configuration hierarchy for one context: a function of the config, the context and the environment, so
 * it is built once per run and shared (read-only) by every call that selects that context.
 */
function contextSettings(project, config, context) {
    let byConfig = settingsCache.get(project);
    if (byConfig === undefined)
        settingsCache.set(project, (byConfig = new Map()));
    let byContext = byConfig.get(config);
    if (byContext === undefined)
        byConfig.set(config, (byContext = new Map()));
    let settings = byContext.get(context);
    if (settings !== undefined)
        return settings;
    const original = { ...contextDefaults(config, context) };
    const contextConfig = { ...original };
    let promptsDir;
    for (const [key, envVar] of HIERARCHY) {
        let value;
        if (key in original)
            value = original[key];
        else if (envVar !== null && project.env[envVar] !== undefined)
            value = project.env[envVar];
        else
            continue;
        if (key === 'prompts_dir')
            promptsDir = value;
        else if (!(key in contextConfig))
            contextConfig[key] = value;
    }
    settings = { contextConfig, original, promptsDir };
    byContext.set(context, settings);
    return settings;
}
/** Issue #1211: the prompt's `.pddrc` wins over the CWD's only when it is a descendant (a subproject). */
function selectPddrc(project, promptFile) {
    const cwdPddrc = project.findPddrc(project.cwd);
    const promptPddrc = promptFile === undefined ? null : project.findPddrc(parentOf(promptFile));
    if (promptPddrc === null)
        return { pddrcFile: cwdPddrc, subproject: false };
    if (cwdPddrc === null)
        return { pddrcFile: promptPddrc, subproject: true };
    const p = project.real(parentOf(promptPddrc));
    const c = project.real(parentOf(cwdPddrc));
    if (p === c || p.startsWith(`${c}/`))
        return { pddrcFile: promptPddrc, subproject: promptPddrc !== cwdPddrc };
    return { pddrcFile: cwdPddrc, subproject: false };
}
function detectContext(project, index, config, opts) {
    if (opts.promptFile !== undefined && project.view.exists(opts.promptFile)) {
        const own = project.findPddrc(parentOf(opts.promptFile));
        const ownConfig = own === null ? null : project.loadPddrc(own).config;
        if (ownConfig !== null) {
            const rel = relativeTo(ownConfig.dir, absolute(opts.promptFile));
            const detected = detectContextForFile(rel, ownConfig);
            if (detected !== null)
                return detected;
        }
    }
    else if (opts.basenameHint !== undefined && opts.basenameHint !== '') {
        const detected = detectContextFromBasename(opts.basenameHint, config, index.hasPrompt);
        if (detected !== null)
            return detected;
    }
    return detectContextForCwd(project.cwd, config);
}
/** One output path of `construct_paths(command, …)` for sync's purposes (absolute). */
function constructOutput(project, cc, opts) {
    const language = outputLanguage(opts.language, opts.codeFile, opts.command);
    return generateOutputPath({
        command: opts.command,
        key: opts.key,
        basename: opts.basename,
        ext: dotted(extensionFor(language)),
        contextConfig: cc.contextConfig,
        env: project.env,
        cwd: project.cwd,
        configBase: cc.pddrcFile === null ? null : parentOf(cc.pddrcFile),
        mode: cc.subproject ? 'config_base' : 'cwd',
        isDir: project.isDir
    });
}
/**
 * `_determine_language` for the `example`/`test` calls: the existing code file's extension names the language
 * (`.jsx` → JavaScriptReact), else the prompt's suffix. `sync` passes its language explicitly.
 */
function outputLanguage(language, codeFile, command) {
    if (command === 'sync' || codeFile === undefined)
        return language;
    const ext = suffixOf(codeFile);
    const byExt = ext !== '' && ext !== '.prompt' ? languageForExtension(ext) : '';
    if (byExt !== '')
        return byExt.toLowerCase();
    if (ext === '') {
        const byName = languageForExtension(external_node_path_namespaceObject.basename(codeFile));
        if (byName !== '')
            return byName.toLowerCase();
    }
    return language;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/finalize.js
/**
 * `get_pdd_file_paths._finalize_output_paths` and the up-front `.pddrc` output checks
 * (`_reject_unsafe_pddrc_output_config`, `_reject_unsafe_outputs_templates`): every output is re-anchored under
 * the governing project root and refused when it escapes it, goes through a symlink hop that leaves it, is not
 * portable, or names an existing non-file. Refusals are per-unit problems that name the path.
 */




/** A refusal of `get_pdd_file_paths` (PDD's `AmbiguousModuleError` family). */
class PathRefusal extends Error {
    file;
    constructor(message, 
    /** Absolute path of the input file at fault (`.pddrc`, `architecture.json`, the prompt), if any. */
    file) {
        super(message);
        this.file = file;
        this.name = 'PathRefusal';
    }
}
/** `_governing_output_root`: the `.pddrc` directory, else the `architecture.json` directory, else the anchor. */
function governingRoot(project, configAnchor) {
    // A function of the anchor alone; the (read-only) result is shared by every unit anchored there.
    const cache = project.table('governingRoot');
    let gov = cache.get(configAnchor);
    if (gov === undefined)
        cache.set(configAnchor, (gov = governing(project, configAnchor)));
    return gov;
}
function governing(project, configAnchor) {
    const pddrc = project.findPddrc(configAnchor);
    const arch = pddrc === null ? project.findArchitecture(configAnchor) : null;
    const root = pddrc !== null ? parentOf(pddrc) : arch !== null ? parentOf(arch) : configAnchor;
    return { root: project.real(root), real: project.real(root), hasConfig: pddrc !== null || arch !== null };
}
/** `_configured_output_string_is_unsafe` + `_configured_output_escapes_root` for one raw value. */
function unsafeValue(project, raw, root) {
    if (raw === null || raw === undefined || raw === '')
        return null;
    if (typeof raw !== 'string')
        return 'is not a string';
    if (raw.includes('\\') || project_hasDisallowedText(raw) || /^[A-Za-z]:/.test(raw))
        return 'is not a portable path';
    for (const part of raw.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            return "contains '..'";
        if (part.startsWith('{') && part.endsWith('}'))
            continue;
        if (project_unsafePortableComponent(part))
            return 'is not a portable path';
    }
    if (raw.startsWith('/')) {
        const real = project.real(raw);
        if (real !== root && !real.startsWith(`${root}/`))
            return 'points outside the project';
    }
    const candidate = external_node_path_namespaceObject.resolve(root, raw);
    if (raw.includes('{') || raw.includes('}') || !project.view.hasSymlink(candidate))
        return null;
    const git = project.gitRoot(root);
    return project.chainWithin(candidate, git === null ? [root] : [git])
        ? null
        : 'goes through a symlink that leaves the project';
}
const checkedConfigs = new WeakMap();
/** Fails closed on unsafe output settings in any context of the `.pddrc` (as PDD checks them all up front). */
function rejectUnsafeConfig(project, config) {
    if (config === null)
        return;
    let verdict = checkedConfigs.get(config);
    if (verdict === undefined) {
        try {
            checkConfig(project, config);
            verdict = null;
        }
        catch (e) {
            if (!(e instanceof PathRefusal))
                throw e;
            verdict = e;
        }
        checkedConfigs.set(config, verdict);
    }
    if (verdict !== null)
        throw verdict;
}
function checkConfig(project, config) {
    const root = project.real(config.dir);
    for (const ctx of config.contexts) {
        const d = ctx.defaults;
        for (const [key, artifact] of [
            ['generate_output_path', 'code'],
            ['example_output_path', 'example'],
            ['test_output_path', 'test']
        ]) {
            const why = unsafeValue(project, d[key], root);
            if (why !== null)
                throw new PathRefusal(`unsafe ${artifact} output path '${String(d[key])}' in context '${ctx.name}': ${why}`, config.file);
        }
        rejectUnsafeOutputs(project, d.outputs, root, `context '${ctx.name}'`, config.file);
        if (d.prompts_dir !== undefined && d.prompts_dir !== null && typeof d.prompts_dir !== 'string') {
            throw new PathRefusal(`prompts_dir of context '${ctx.name}' is not a string`, config.file);
        }
    }
}
/** `_reject_unsafe_outputs_templates`: `outputs` must map artifacts to `{path: <non-empty string>}`. */
function rejectUnsafeOutputs(project, outputs, root, where, file) {
    if (outputs === undefined || outputs === null)
        return;
    if (typeof outputs !== 'object' || Array.isArray(outputs))
        throw new PathRefusal(`outputs of ${where} must be a mapping`, file);
    for (const [artifact, entry] of Object.entries(outputs)) {
        const p = typeof entry === 'object' && entry !== null && !Array.isArray(entry)
            ? entry.path
            : undefined;
        if (typeof p !== 'string' || p === '')
            throw new PathRefusal(`outputs.${artifact} of ${where} needs a non-empty 'path'`, file);
        const why = unsafeValue(project, p, root);
        if (why !== null)
            throw new PathRefusal(`unsafe outputs.${artifact}.path '${p}' in ${where}: ${why}`, file);
    }
}
/**
 * `_reanchor_output_to_root`: relative outputs are CWD-relative; they always end up under the governing root.
 * `st` is the file-system view's answer for `p` when it is absolute (null when relative).
 */
function reanchor(project, p, gov, st) {
    if (st === null)
        return external_node_path_namespaceObject.resolve(project.cwd === gov.real ? project.cwd : gov.root, p);
    const real = st.real ?? absolute(p);
    if (real === gov.real || real.startsWith(`${gov.real}/`))
        return p;
    if (gov.hasConfig && project.cwd !== gov.real && real.startsWith(`${project.cwd}/`)) {
        return external_node_path_namespaceObject.join(gov.root, real.slice(project.cwd.length + 1));
    }
    return p;
}
/** The checks `_finalize_output_paths` applies to one artifact (code, example or test); returns its path. */
function checkArtifact(project, artifact, candidate, gov) {
    if (candidate.includes('{') || candidate.includes('}')) {
        throw refusal(project, artifact, candidate, 'unexpanded template placeholder');
    }
    const first = candidate.startsWith('/') ? project.view.stat(candidate) : null;
    const p = reanchor(project, candidate, gov, first);
    const st = first !== null && p === candidate ? first : project.view.stat(p);
    const real = st.real ?? absolute(p);
    const rel = real === gov.real ? '' : real.startsWith(`${gov.real}/`) ? real.slice(gov.real.length + 1) : null;
    if (rel === null || !portableRelative(rel)) {
        throw refusal(project, artifact, candidate, `resolves outside project root '${gov.root}'`);
    }
    if (rel === '')
        throw refusal(project, artifact, candidate, 'is the project root itself');
    const kind = (real === p ? st : project.view.stat(real)).entry?.kind;
    if (kind !== undefined && kind !== 'broken' && kind !== 'file') {
        throw refusal(project, artifact, candidate, 'exists and is not a regular file');
    }
    if (st.symlinked) {
        const git = project.gitRoot(gov.root);
        if (!project.chainWithin(p, git === null ? [gov.real, gov.root] : [git])) {
            throw refusal(project, artifact, candidate, 'goes through a symlink that leaves the project');
        }
    }
    return p;
}
/** A refusal of one artifact path, which it names relative to the CWD. */
function refusal(project, artifact, candidate, why) {
    const shown = external_node_path_namespaceObject.relative(project.cwd, external_node_path_namespaceObject.resolve(project.cwd, candidate)) || '.';
    return new PathRefusal(`unsafe ${artifact} output path '${shown}': ${why}`);
}
/** The rebuilt `test_files`: the primary test, then sorted `<stem>*<suffix>` siblings inside the root. */
function siblingTests(project, test, gov) {
    const dir = parentOf(test);
    const leaf = leafName(test);
    const dot = leaf.lastIndexOf('.');
    const hasSuffix = dot > 0 && dot < leaf.length - 1;
    const stem = hasSuffix ? leaf.slice(0, dot) : leaf;
    const suffix = hasSuffix ? leaf.slice(dot) : '';
    const found = project.view.namesStartingWith(dir, stem);
    // Usually the test itself is the only name with its stem.
    if (found.length === 0 || (found.length === 1 && found[0] === leaf))
        return [test];
    return withSiblings(project, { test, dir, leaf, stem, suffix, found }, gov);
}
function withSiblings(project, t, gov) {
    const names = t.found
        .filter(n => n !== t.leaf && n.endsWith(t.suffix) && n.length >= t.stem.length + t.suffix.length)
        .filter(n => project.view.entry(external_node_path_namespaceObject.join(t.dir, n))?.kind === 'file')
        .sort(comparePy);
    const out = [t.test];
    for (const n of names) {
        const real = project.real(external_node_path_namespaceObject.join(t.dir, n));
        if (real.startsWith(`${gov.real}/`) && portableRelative(real.slice(gov.real.length + 1)))
            out.push(external_node_path_namespaceObject.join(t.dir, n));
    }
    return out;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/branches.js
/**
 * The two non-architecture branches of `get_pdd_file_paths` for an existing prompt: `.pddrc` `outputs` templates
 * (`_generate_paths_from_templates` + `_overlay_configured_output_paths` + `_anchor_output_paths_at_project`) and
 * the legacy `construct_paths` outputs (`sync`, `example`, `test` commands, then `_reanchor_under_basename_subdir`).
 */







function legacyPaths(project, o) {
    const { q, cc } = o;
    const code = checkArtifact(project, 'code', constructOutput(project, cc, {
        command: 'sync',
        key: 'generate_output_path',
        basename: o.cpb,
        language: q.language
    }), o.gov);
    const codeReal = project.real(code);
    const codeFile = project.view.isFile(codeReal) && codeReal.startsWith(`${o.gov.real}/`) ? codeReal : undefined;
    const example = constructOutput(project, cc, {
        command: 'example',
        key: 'output',
        basename: q.basename,
        language: q.language,
        codeFile
    });
    const test = constructOutput(project, cc, {
        command: 'test',
        key: 'output',
        basename: q.basename,
        language: q.language,
        codeFile
    });
    const { cwd, realpath } = project;
    const reanchored = reanchorUnderBasenameSubdir(code, o.cpb, cwd, realpath);
    return {
        code: reanchored,
        example: reanchorUnderBasenameSubdir(example, o.cpb, cwd, realpath),
        test: reanchorUnderBasenameSubdir(test, o.cpb, cwd, realpath),
        codeChecked: reanchored === code
    };
}
function templatePaths(project, o) {
    const { q, cc } = o;
    const ext = extensionFor(q.language);
    const t = expandOutputTemplates({
        basename: o.templateBasename,
        language: q.language,
        ext,
        outputs: o.outputs,
        promptPath: o.prompt
    });
    if ('prompt' in o.outputs && external_node_path_namespaceObject.resolve(project.cwd, t.prompt) !== external_node_path_namespaceObject.resolve(o.prompt)) {
        project.warnings.push(`${external_node_path_namespaceObject.relative(project.cwd, o.prompt)}: outputs.prompt.path names '${t.prompt}'; PDD hashes and updates that file instead`);
    }
    let code = t.code;
    if (!('code' in o.outputs)) {
        const generated = constructOutput(project, cc, {
            command: 'sync',
            key: 'generate_output_path',
            basename: o.cpb,
            language: q.language
        });
        const ctxName = q.contextOverride ?? cc.context ?? 'default';
        const rel = relativeBasenameForContext(q.basename, project.configAt(project.real(parentOf(o.prompt)))?.contexts.find(c => c.name === ctxName), 'prompts-first');
        const slash = rel.lastIndexOf('/');
        const file = `${rel.slice(slash + 1)}${ext === '' ? '' : `.${ext}`}`;
        code = extName(generated) === '' ? external_node_path_namespaceObject.join(generated, rel.slice(0, slash + 1), file) : generated;
    }
    const pddrc = project.findPddrc(o.configAnchor);
    const base = pddrc !== null && project.real(parentOf(pddrc)) !== project.cwd ? parentOf(pddrc) : project.cwd;
    const at = (p) => external_node_path_namespaceObject.resolve(base, p);
    return { code: at(code), example: at(t.example), test: at(t.test) };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/collocated.js
/**
 * Co-located test adoption (`sync_determine_operation._adopt_collocated_test`,
 * `content_selector.resolve_test_output_path`): when the test location is not pinned and exactly one existing
 * test sits where the project's runner looks (`test_<stem>.py`, `tests/test_<stem>.py`, `<stem>.test.ts`,
 * `__tests__/…`), sync uses it instead of the derived path. JS/TS runner-configuration parsing is approximated:
 * default jest/vitest conventions are honoured; custom discovery settings make the test path "needs review".
 */



const JS_TS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TS_TEST_SUFFIXES = new Set(JS_TS.flatMap(e => [`.test${e}`, `.spec${e}`]));
const DEFAULT_COLLECTED = ['.js', '.jsx', '.ts', '.tsx'];
const RUNNER_STEMS = ['jest.config', 'vitest.config'];
const RUNNER_EXTS = ['', '.js', '.ts', '.mjs', '.cjs', '.mts', '.cts', '.json'];
const CONFIG_FILES = ['jest.config', 'vitest.config', 'vite.config'].flatMap(s => ['.js', '.ts', '.mjs', '.cjs', '.mts', '.cts'].map(e => s + e));
const DISCOVERY = /\b(?:testMatch|testRegex|testPathIgnorePatterns|roots|rootDir|root|dir|include|exclude|projects|workspace)\b/;
const UNRESOLVABLE = /\brequire\s*\(|\bimport\b|\bpreset\b|\bextends\b|\.\.\.|=>|\bfunction\b|=\s*[A-Za-z_$][\w$.]*\s*\(|\.\w+\s*\(|\[[^\]\n]*\]\s*:|`|module\.exports\s*=\s*[A-Za-z_$]|export\s+default\s+[A-Za-z_$]/;
/** `_adopt_collocated_test` over absolute paths. `trustedRoot` is the prompt's hash root. */
function adoptCollocatedTest(project, r, pinned) {
    const unchanged = { test: r.test, testFiles: r.testFiles };
    if (pinned)
        return unchanged;
    const module = inRoot(project, r.code, project.cwd);
    if (module === null)
        return unchanged;
    const adopted = resolveTestOutput(project, module, r.test);
    if (adopted === null) {
        const note = `test generation needs review for \`${external_node_path_namespaceObject.basename(r.code)}\`: a configured JavaScript/TypeScript runner ` +
            'was detected, but its effective collection path could not be proven safely; no unverified test path was ' +
            'selected or written';
        return { test: null, testFiles: [], needsReview: note };
    }
    // The derived path itself comes back unless a co-located test is adopted.
    if (adopted === r.test)
        return unchanged;
    const adoptedReal = inRoot(project, adopted, r.trustedRoot);
    if (adoptedReal === null || adoptedReal === inRoot(project, r.test, r.trustedRoot))
        return unchanged;
    return { test: adoptedReal, testFiles: [adoptedReal] };
}
/** `resolve_test_output_path` (never pinned here). */
function resolveTestOutput(project, module, derived) {
    const ext = extName(module).toLowerCase();
    const facts = dirFacts(project, parentOf(module));
    const matches = existingCandidates(project, module, ext, facts);
    const runner = JS_TS.includes(ext) && usesJsRunner(project, facts);
    const greenfield = runner ? greenfieldPath(project, module) : null;
    const derivedReal = inRoot(project, derived, project.cwd);
    if (matches.length !== 1) {
        if (matches.length > 0 || greenfield === null)
            return runner && greenfield === null ? null : derived;
        return greenfield === derivedReal ? derived : greenfield;
    }
    const sibling = matches[0];
    if (sibling === derivedReal)
        return derived;
    if (!runner)
        return sibling;
    if (greenfield !== null && isDefaultCandidate(project, module, sibling))
        return sibling;
    if (greenfield !== null)
        return greenfield === derivedReal ? derived : greenfield;
    return null;
}
function isDefaultCandidate(project, module, test) {
    return defaultCandidates(module).some(c => inRoot(project, c, project.cwd) === test);
}
function dirFacts(project, dir) {
    const cache = project.table('testDirFacts');
    let facts = cache.get(dir);
    if (facts === undefined)
        cache.set(dir, (facts = findDirFacts(project, dir)));
    return facts;
}
function findDirFacts(project, dir) {
    const listed = (d) => project.view.list(d) !== null;
    const tests = child(dir, 'tests');
    const up = leafName(dir) !== 'tests' ? child(parentOf(dir), 'tests') : null;
    return {
        dir,
        jsDirs: [dir, ...['__test__', '__tests__', 'tests'].map(d => child(dir, d))].filter(listed),
        tests: listed(tests) ? tests : null,
        upTests: up !== null && listed(up) ? up : null
    };
}
/** `_collocated_test_matches`: existing, distinct candidate tests for the module (in no particular order). */
function existingCandidates(project, module, ext, facts) {
    const out = [];
    const stem = stemName(module);
    if (JS_TS.includes(ext)) {
        // `<stem>.test<ext>`/`<stem>.spec<ext>` in four directories: 48 names, nearly none present, so the names are
        // found by prefix in the sorted listings instead of being built and looked up one by one.
        const prefix = `${stem}.`;
        for (let i = 0; i < facts.jsDirs.length; i++) {
            const d = facts.jsDirs[i];
            const names = project.view.namesStartingWith(d, prefix);
            for (let j = 0; j < names.length; j++) {
                const name = names[j];
                if (JS_TS_TEST_SUFFIXES.has(name.slice(stem.length)))
                    addMatch(project, module, d, name, out);
            }
        }
    }
    else if (ext === '.py' || ext === '.pyi') {
        addMatch(project, module, facts.dir, `test_${stem}.py`, out);
        addMatch(project, module, facts.dir, `${stem}_test.py`, out);
        if (facts.tests !== null)
            addMatch(project, module, facts.tests, `test_${stem}.py`, out);
        if (facts.upTests !== null)
            addMatch(project, module, facts.upTests, `test_${stem}.py`, out);
    }
    return out;
}
/** Adds `<d>/<name>` (as a real path) when it is a regular file inside the CWD other than the module itself. */
function addMatch(project, module, d, name, out) {
    if (project.view.list(d)?.get(name)?.kind !== 'file')
        return;
    const real = inRoot(project, child(d, name), project.cwd);
    if (real !== null && project.view.isFile(real) && real !== module && !out.includes(real))
        out.push(real);
}
/** `path.basename(module, path.extname(module))`. */
function stemName(module) {
    const leaf = leafName(module);
    const ext = extName(module);
    return ext === '' ? leaf : leaf.slice(0, leaf.length - ext.length);
}
/** `path.join(dir, name)` for an absolute, normal `dir` and a plain file name. */
function child(dir, name) {
    return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
/** `_project_uses_js_test_runner`: a jest/vitest config or a package.json declaring one, up to the root. */
function usesJsRunner(project, facts) {
    facts.runner ??= runnerAbove(project, facts.dir);
    return facts.runner;
}
function runnerAbove(project, start) {
    for (const dir of upToRoot(project, start)) {
        if (RUNNER_STEMS.some(s => RUNNER_EXTS.some(e => project.view.isFile(external_node_path_namespaceObject.join(dir, s + e)))))
            return true;
        const pkg = readJson(project, external_node_path_namespaceObject.join(dir, 'package.json'));
        if (pkg !== null && packageDeclaresRunner(pkg))
            return true;
    }
    return false;
}
function packageDeclaresRunner(pkg) {
    if (pkg.jest != null || pkg.vitest != null)
        return true;
    for (const k of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const deps = pkg[k];
        if (typeof deps !== 'object' || deps === null)
            continue;
        if (Object.keys(deps).some(n => n === 'jest' || n === 'vitest' || n.endsWith('/jest') || n.endsWith('/vitest')))
            return true;
    }
    const scripts = pkg.scripts;
    if (typeof scripts !== 'object' || scripts === null)
        return false;
    return Object.entries(scripts).some(([k, v]) => (k === 'test' || k.startsWith('test:')) &&
        typeof v === 'string' &&
        /(?:^|[\s;&|/])(?:jest|vitest)(?:$|[\s;&|@'"])/.test(v));
}
/**
 * `find_runner_collected_test_path` for projects without custom discovery: `__test__/<stem>.test.<ext>` beside
 * the module. Null when the nearest runner config customises discovery (PDD then evaluates it; we do not).
 */
function greenfieldPath(project, module) {
    const cfg = runnerConfig(project, module);
    if (cfg === 'custom') {
        project.warnings.push(`${external_node_path_namespaceObject.relative(project.cwd, module)}: a jest/vitest configuration customises test discovery; PDD's ` +
            'runner-aware test placement is not reproduced, so the unit is planned with its test path under review');
        return null;
    }
    if (!DEFAULT_COLLECTED.includes(extName(module).toLowerCase()))
        return null;
    for (const c of defaultCandidates(module)) {
        const real = inRoot(project, c, project.cwd);
        if (real !== null && real !== module && !real.split('/').includes('node_modules'))
            return real;
    }
    return null;
}
function defaultCandidates(module) {
    const ext = extName(module);
    const stem = stemName(module);
    const dir = parentOf(module);
    return ['.test', '.spec'].flatMap(i => ['__test__', '__tests__', ''].map(s => external_node_path_namespaceObject.join(dir, s, `${stem}${i}${ext}`)));
}
/** `_collect_js_runner_config`, reduced to "default" or "custom" (custom discovery, composed or ambiguous). */
function runnerConfig(project, module) {
    for (const dir of upToRoot(project, parentOf(module))) {
        const json = ['jest.config.json', '.jestrc', '.jestrc.json']
            .map(f => readJson(project, external_node_path_namespaceObject.join(dir, f)))
            .find(x => x !== null);
        const pkg = readJson(project, external_node_path_namespaceObject.join(dir, 'package.json'));
        const pkgBlock = pkg !== null && typeof pkg.jest === 'object' && pkg.jest !== null
            ? pkg.jest
            : null;
        const jsFiles = CONFIG_FILES.map(f => external_node_path_namespaceObject.join(dir, f)).filter(f => project.view.isFile(f));
        const sources = (json !== undefined ? 1 : 0) + (pkgBlock !== null ? 1 : 0) + jsFiles.length;
        if (sources > 1)
            return 'custom';
        const mapping = json ?? pkgBlock;
        if (mapping !== null)
            return Object.keys(mapping).some(k => DISCOVERY.test(k)) ? 'custom' : 'default';
        if (jsFiles.length === 1) {
            const text = readText(jsFiles[0]);
            return text === null || DISCOVERY.test(text) || UNRESOLVABLE.test(text) ? 'custom' : 'default';
        }
    }
    return 'default';
}
function upToRoot(project, start) {
    const out = [];
    let cur = project.real(start);
    for (;;) {
        out.push(cur);
        if (cur === project.cwd || !cur.startsWith(`${project.cwd}/`))
            return out;
        cur = parentOf(cur);
    }
}
/** `_validated_project_path`: the real path when it stays inside `root`, else null. */
function inRoot(project, p, root) {
    const realRoot = project.real(root);
    // `real` normalises an absolute path itself.
    const real = project.real(p.startsWith('/') ? p : external_node_path_namespaceObject.resolve(project.cwd, p));
    return real === realRoot || real.startsWith(`${realRoot}/`) ? real : null;
}
function readJson(project, file) {
    if (!project.view.isFile(file))
        return null;
    try {
        const data = JSON.parse(external_node_fs_namespaceObject.readFileSync(file, 'utf8'));
        return typeof data === 'object' && data !== null && !Array.isArray(data)
            ? data
            : null;
    }
    catch {
        return null;
    }
}
function readText(file) {
    try {
        return external_node_fs_namespaceObject.readFileSync(file, 'utf8');
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/find-prompt.js
/**
 * `sync_determine_operation._find_prompt_file`: which prompt file `get_pdd_file_paths` settles on for a basename
 * inside a prompts root (direct case-insensitive path, `architecture.json` hint, then a recursive search scoped
 * to the context's prefix and aligned with a path-qualified basename).
 */







/** `_find_prompt_file`. */
function findPromptFile(project, index, q) {
    const root = q.promptsRoot;
    const realRoot = project.real(root);
    const config = project.configAt(realRoot);
    const contextName = q.override ?? (config === null ? null : detectContextFromBasename(q.basename, config, index.hasPrompt));
    const ctx = config?.contexts.find(c => c.name === contextName);
    const relBase = relativeBasenameForContext(q.basename, ctx, 'prompts-first');
    const candidates = contextName !== null && relBase !== q.basename ? [q.basename, relBase] : [q.basename];
    const prefix = contextPrefix(project, config, contextName, realRoot);
    for (const cand of candidates) {
        const parts = pathParts(`${cand}_${q.language}.prompt`);
        if (prefix !== null && !hasPrefix(parts, prefix))
            continue;
        const hit = walkCaseInsensitive(project, root, parts);
        if (hit !== null && typeof hit === 'object')
            return { unsafe: external_node_path_namespaceObject.join(root, ...parts) };
        if (hit !== null)
            return hit;
    }
    const viaArch = q.arch === null
        ? null
        : archHint(project, index, q, { config, contextName, prefix, first: candidates[0] });
    if (viaArch !== null)
        return viaArch;
    const variants = [q.basename, ...(relBase !== q.basename ? [relBase] : [])].map(b => pathParts(b).map(p => p.toLowerCase()));
    const leaves = new Set(candidates.map(c => `${c.split('/').pop().toLowerCase()}_${q.language.toLowerCase()}.prompt`));
    return pickRecursive(project, index, root, {
        leaves,
        prefix,
        qualified: q.basename.includes('/'),
        variants
    });
}
function contextPrefix(project, config, contextName, realRoot) {
    if (config === null || contextName === null)
        return null;
    const pd = config.contexts.find(c => c.name === contextName)?.defaults.prompts_dir;
    if (typeof pd !== 'string' || pd.trim() === '')
        return null;
    const configured = project.real(external_node_path_namespaceObject.resolve(config.dir, pd.trim()));
    if (!configured.startsWith(`${realRoot}/`))
        return null;
    return configured.slice(realRoot.length + 1).split('/');
}
/** `_prompt_path_has_context_prefix` on root-relative parts. */
function hasPrefix(relParts, prefix) {
    if (prefix.length === 0 || prefix.length > relParts.length)
        return false;
    return prefix.every((p, i) => p.toLowerCase() === relParts[i].toLowerCase());
}
/** `_prompt_candidate_aligns_basename`/the step-4 alignment: the basename is a path-suffix of the module path. */
function aligned(file, variants) {
    const leaf = extractModuleFromInclude(external_node_path_namespaceObject.basename(file)) ?? stemOf(file);
    const module = ['/', ...pathParts(parentOf(file)), leaf].map(p => p.toLowerCase());
    return variants.some(v => v.length <= module.length && module.slice(-v.length).join('/') === v.join('/'));
}
function archHint(project, index, q, c) {
    const arch = q.arch;
    const row = filepathFromArchitecture(project, arch, {
        promptFilename: `${c.first}_${q.language}.prompt`,
        basename: q.basename,
        language: q.language,
        promptPath: null,
        promptsRoot: q.promptsRoot,
        promptRoots: [],
        contextName: c.contextName,
        territory: project.configAt(parentOf(arch.file))
    });
    const parts = row === null ? null : safeRelativePath(row[1]);
    if (parts === null)
        return null;
    const variants = q.basename.includes('/') ? [pathParts(q.basename).map(p => p.toLowerCase())] : [];
    const rel = stripOverlap(q.promptsRoot, parts);
    const joined = walkCaseInsensitive(project, q.promptsRoot, rel);
    if (typeof joined === 'string' &&
        (variants.length === 0 || aligned(joined, variants)) &&
        (c.prefix === null || hasPrefix(rel, c.prefix))) {
        return joined;
    }
    const leaf = parts[parts.length - 1].toLowerCase();
    const found = pickRecursive(project, index, q.promptsRoot, {
        leaves: new Set([leaf]),
        prefix: c.prefix,
        qualified: variants.length > 0,
        variants
    });
    return typeof found === 'string' ? found : null;
}
function pickRecursive(project, index, root, o) {
    const realRoot = project.real(root);
    const git = project.gitRoot(realRoot);
    const safe = (abs) => safeCandidate(project, abs, { root, realRoot, git });
    // Fast path: matches directly in the root have the smallest depth, so when one survives every filter, the
    // answer is among them (PDD sorts by depth, then path).
    if (o.prefix === null) {
        const direct = [...o.leaves]
            .flatMap(l => project.view.byLowerName(root).get(l) ?? [])
            .filter(e => e.kind === 'file')
            .map(e => external_node_path_namespaceObject.join(root, e.name))
            .filter(m => safe(m) && (!o.qualified || aligned(m, o.variants)));
        if (direct.length > 0)
            return direct.sort(comparePy)[0];
    }
    let matches = [];
    let unsafe = [];
    for (const e of index.filesNamed(root, o.leaves))
        (safe(e.abs) ? matches : unsafe).push(e.abs);
    const scoped = (list) => o.prefix === null
        ? list
        : list.filter(m => hasPrefix(external_node_path_namespaceObject.relative(root, m).split('/'), o.prefix));
    matches = scoped(matches);
    unsafe = scoped(unsafe);
    if (matches.length > 0) {
        if (o.qualified) {
            matches = matches.filter(m => aligned(m, o.variants));
            if (matches.length === 0)
                return null;
        }
        const depth = (p) => pathParts(p).length;
        return matches.sort((a, b) => depth(a) - depth(b) || comparePy(a, b))[0];
    }
    if (o.qualified)
        unsafe = unsafe.filter(m => aligned(m, o.variants));
    return unsafe.length > 0
        ? { unsafe: unsafe.sort((a, b) => comparePy(casefold(a), casefold(b)))[0] }
        : null;
}
/** `_prompt_candidate_within_root`: inside the root without an outside hop, or an approved in-repository alias. */
function safeCandidate(project, abs, r) {
    const real = project.real(abs);
    if (real === r.realRoot || real.startsWith(`${r.realRoot}/`)) {
        return (!project.view.hasSymlink(abs) ||
            project.chainWithin(abs, r.git === null ? [r.realRoot, r.root] : [r.git]));
    }
    return r.git !== null && real.startsWith(`${r.git}/`) && project.chainWithin(abs, [r.git]);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/roots.js
/**
 * Project roots PDD derives for a unit: the trusted hash root (`trusted_hash_root_for_paths`), the metadata
 * directory (`operation_log._resolve_meta_dir`) and whether the test location is pinned
 * (`content_selector.configured_test_output_pinned`).
 */




/** `content_selector.configured_test_output_pinned`. */
function testOutputPinned(project, prompt, contextName, searchFrom) {
    if (project.env.PDD_TEST_OUTPUT_PATH !== undefined)
        return true;
    const config = project.configAt(searchFrom);
    if (config === null)
        return false;
    let name = contextName ?? detectContextForFile(relativeTo(config.dir, prompt), config);
    if (name === null && config.contexts.some(c => c.name === 'default'))
        name = 'default';
    return pinsTestOutput(contextDefaults(config, name));
}
/** `trusted_hash_root_for_paths({"prompt": …})`: `.pddrc` dir, else nearest dir with `.pdd/`, else `architecture.json` dir, else CWD. */
function trustedHashRoot(project, prompt) {
    // A function of the prompt's directory: computed once per directory.
    const anchor = parentOf(prompt);
    const cache = project.table('trustedHashRoot');
    let root = cache.get(anchor);
    if (root === undefined)
        cache.set(anchor, (root = hashRootFor(project, anchor)));
    return root;
}
function hashRootFor(project, anchor) {
    const pddrc = project.findPddrc(anchor);
    if (pddrc !== null)
        return parentOf(pddrc);
    for (let dir = external_node_path_namespaceObject.resolve(anchor);; dir = parentOf(dir)) {
        if (project.view.isDir(external_node_path_namespaceObject.join(dir, '.pdd')))
            return dir;
        if (dir === project.cwd || dir === parentOf(dir))
            break;
    }
    const arch = project.findArchitecture(anchor);
    return arch !== null ? parentOf(arch) : project.cwd;
}
/**
 * `operation_log._resolve_meta_dir` (`.pdd/meta` under the `.pddrc` found above the first existing path) for a
 * unit's paths, prompt first, and for the prompt alone: the prompt's answer, when it has one, serves both.
 */
function unitMetaDirs(project, paths) {
    const first = metaDirOf(project, paths[0]);
    if (first !== '')
        return { prompt: first, unit: first };
    const fallback = metaDirAt(project, null);
    for (let i = 1; i < paths.length; i++) {
        const dir = metaDirOf(project, paths[i]);
        if (dir !== '')
            return { prompt: fallback, unit: dir };
    }
    return { prompt: fallback, unit: fallback };
}
/** The metadata directory a path selects, or '' when it does not exist or has no `.pddrc` above it. */
function metaDirOf(project, p) {
    const st = project.view.stat(p);
    if (st.entry === null || st.entry.kind === 'broken')
        return '';
    const real = st.real ?? absolute(p);
    const isFile = (real === p ? st : project.view.stat(real)).entry?.kind === 'file';
    const pddrc = project.findPddrc(isFile ? parentOf(real) : real);
    return pddrc === null ? '' : metaDirAt(project, pddrc);
}
/** `<.pddrc directory>/.pdd/meta`, or `<CWD>/.pdd/meta` for null; built once per `.pddrc`. */
function metaDirAt(project, pddrc) {
    const cache = project.table('metaDir');
    const key = pddrc ?? '';
    let dir = cache.get(key);
    if (dir === undefined) {
        dir = external_node_path_namespaceObject.join(pddrc === null ? project.cwd : parentOf(pddrc), '.pdd', 'meta');
        cache.set(key, dir);
    }
    return dir;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/paths.js
/**
 * Port of `sync_determine_operation.get_pdd_file_paths` for a prompt that exists, as `pdd sync` calls it
 * (prompts root = the prompt's directory): `architecture.json` `filepath` → `.pddrc` `outputs` templates →
 * the context's `generate/example/test_output_path` → `PDD_*_OUTPUT_PATH` → defaults; then containment checks,
 * `test_files` and co-located test adoption. Refusals are thrown as {@link PathRefusal}.
 */














/** `get_pdd_file_paths(basename, language, prompts_dir=<prompt dir>, context_override)`. */
function resolveUnitPaths(project, index, q) {
    const st = setup(project, index, q);
    const prompt = checkFoundPrompt(project, index, q, st.promptsRoot, st.arch);
    const discovered = discoveredBasename(prompt, st.promptsRoot, q.language);
    const templateBasename = relativeBasenameForContext(discovered, st.ctx, 'prompts-first');
    let pinned = testOutputPinned(project, prompt, q.contextOverride ?? st.resolvedContext, st.anchor);
    const cc = constructContext(project, index, { promptFile: prompt, override: q.contextOverride });
    const context = cc.context ?? 'default';
    const { promptsRoot, configAnchor, resolvedContext, cpb, gov } = st;
    const fromArch = st.arch === null
        ? null
        : archBranch(project, {
            arch: st.arch,
            ...q,
            override: q.contextOverride,
            prompt,
            promptsRoot,
            configAnchor,
            resolvedContext,
            templateBasename
        });
    let raw;
    if (fromArch !== null) {
        raw = fromArch;
        pinned = fromArch.pinned;
    }
    else {
        const outputs = cc.original.outputs;
        rejectUnsafeOutputs(project, outputs, gov.real, `context '${context}'`, cc.pddrcFile ?? undefined);
        raw =
            typeof outputs === 'object' && outputs !== null && Object.keys(outputs).length > 0
                ? templatePaths(project, {
                    q,
                    cc,
                    cpb,
                    templateBasename,
                    prompt,
                    outputs: outputs,
                    configAnchor
                })
                : legacyPaths(project, { q, cc, cpb, prompt, gov });
    }
    return paths_finish(project, { prompt, raw, gov, pinned, context, contextDefaults: cc.original });
}
/** Validation, the config anchor and governing root, the basename's context, and the architecture snapshot. */
function setup(project, index, q) {
    if (safeRelativePath(q.basename) === null)
        throw new PathRefusal(`unsafe prompt basename '${q.basename}'`, q.promptFile);
    if (!safeLanguage(q.language))
        throw new PathRefusal(`unsafe prompt language '${q.language}'`, q.promptFile);
    const promptsRoot = parentOf(q.promptFile);
    const { anchor, configAnchor, config } = rootFacts(project, promptsRoot);
    rejectUnsafeConfig(project, config);
    const resolvedContext = q.contextOverride ??
        (config === null ? null : detectContextFromBasename(q.basename, config, index.hasPrompt));
    const ctx = config?.contexts.find(c => c.name === resolvedContext);
    const arch = loadArch(project, configAnchor);
    if (arch !== null) {
        const territory = project.configAt(parentOf(arch.file));
        const choices = moduleChoices(project, arch, q.basename, q.language, territory, resolvedContext);
        if (choices.length > 1) {
            const message = `ambiguous module '${q.basename}' (${q.language}) in architecture.json: ${choices.join(', ')}`;
            throw new PathRefusal(message, arch.file);
        }
    }
    const cpb = relativeBasenameForContext(q.basename, ctx, 'prompts-first');
    return {
        promptsRoot,
        anchor,
        configAnchor,
        gov: governingRoot(project, configAnchor),
        resolvedContext,
        cpb,
        ctx,
        arch
    };
}
/** The anchors and configuration `get_pdd_file_paths` derives from the prompts root alone, once per root. */
function rootFacts(project, promptsRoot) {
    const cache = project.table('promptsRoot');
    let facts = cache.get(promptsRoot);
    if (facts !== undefined)
        return facts;
    const anchor = project.real(promptsRoot);
    // With no project configuration above the prompts root, PDD anchors its config lookups at the CWD.
    const noConfig = project.findPddrc(anchor) === null && project.findArchitecture(anchor) === null;
    const configAnchor = noConfig ? project.cwd : anchor;
    const pddrc = project.findPddrc(configAnchor);
    facts = { anchor, configAnchor, config: pddrc === null ? null : project.loadPddrc(pddrc).config };
    cache.set(promptsRoot, facts);
    return facts;
}
function loadArch(project, configAnchor) {
    const file = project.findArchitecture(configAnchor);
    if (file === null)
        return null;
    // Read and parsed once per run: every unit under the file consults it.
    const cache = project.table('architecture');
    let loaded = cache.get(file);
    if (loaded === undefined)
        cache.set(file, (loaded = loadArchitecture(file)));
    if ('error' in loaded)
        throw new PathRefusal(loaded.error, file);
    return loaded;
}
function checkFoundPrompt(project, index, q, promptsRoot, arch) {
    const found = findPromptFile(project, index, {
        basename: q.basename,
        language: q.language,
        promptsRoot,
        arch,
        override: q.contextOverride
    });
    if (found !== null && typeof found === 'object') {
        throw new PathRefusal(`prompt '${external_node_path_namespaceObject.relative(project.cwd, found.unsafe)}' goes through a symlink that leaves the project`, found.unsafe);
    }
    if (found === null || (found !== q.promptFile && absolute(found) !== absolute(q.promptFile))) {
        const which = found === null ? 'no prompt' : `'${external_node_path_namespaceObject.relative(project.cwd, found)}'`;
        throw new PathRefusal(`PDD's path resolver selects ${which} for ${q.basename} (${q.language}), not this prompt`, q.promptFile);
    }
    return found;
}
/** The prompt's path relative to its prompts root with `_<language>` removed (case-insensitively). */
function discoveredBasename(prompt, promptsRoot, language) {
    const rel = relativeTo(promptsRoot, prompt);
    const slash = rel.lastIndexOf('/');
    const leaf = rel.slice(slash + 1);
    const dot = leaf.lastIndexOf('.');
    let stem = dot > 0 && dot < leaf.length - 1 ? leaf.slice(0, dot) : leaf;
    if (stem.toLowerCase().endsWith(`_${language}`.toLowerCase()))
        stem = stem.slice(0, stem.length - language.length - 1);
    return rel.slice(0, slash + 1) + stem;
}
function paths_finish(project, o) {
    const code = o.raw.codeChecked === true ? o.raw.code : checkArtifact(project, 'code', o.raw.code, o.gov);
    const example = checkArtifact(project, 'example', o.raw.example, o.gov);
    const test = checkArtifact(project, 'test', o.raw.test, o.gov);
    const testFiles = siblingTests(project, test, o.gov);
    const trustedRoot = trustedHashRoot(project, o.prompt);
    const adopted = adoptCollocatedTest(project, { code, test, testFiles, trustedRoot }, o.pinned);
    const out = {
        prompt: o.prompt,
        code,
        example,
        test: adopted.test,
        testFiles: adopted.testFiles,
        context: o.context,
        contextDefaults: o.contextDefaults,
        trustedRoot
    };
    if (adopted.needsReview !== undefined)
        out.needsReview = adopted.needsReview;
    return out;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/prompt-files.js
/**
 * The prompt files a discovery run considers: every `*.prompt` entry below the scanned roots and at the top of the
 * CWD, classified by language suffix, plus their text (read concurrently) and the include probe.
 */





/** Prompt files with a known, syncable language; the rest are appended to `skipped` with the reason. */
function collectPromptFiles(project, index, skipped, rel) {
    const seen = new Set();
    const found = [];
    const topLevel = [...(project.view.list(project.cwd)?.values() ?? [])]
        .filter(e => e.name.endsWith('.prompt'))
        .map(e => ({ abs: external_node_path_namespaceObject.join(project.cwd, e.name), leaf: e.name, isFile: e.kind === 'file' }));
    for (const e of [...topLevel, ...index.entries()]) {
        if (seen.has(e.abs))
            continue;
        seen.add(e.abs);
        if (!e.isFile) {
            skipped.push({ path: rel(e.abs), reason: 'not a regular file' });
            continue;
        }
        const base = e.leaf.slice(0, -'.prompt'.length);
        const us = base.lastIndexOf('_');
        const suffix = us < 0 ? '' : base.slice(us + 1);
        const lang = us <= 0 ? null : languageForSuffix(suffix);
        if (lang === null) {
            const why = us < 0 ? 'no _<language> suffix in the file name' : `unknown language suffix '${suffix}'`;
            skipped.push({
                path: rel(e.abs),
                reason: `${why}; pdd sync only processes <basename>_<language>.prompt`
            });
        }
        else if (lang.runtimeOnly) {
            skipped.push({ path: rel(e.abs), reason: 'runtime LLM prompt (_LLM): pdd sync never processes it' });
        }
        else
            found.push({ abs: e.abs, rel: rel(e.abs), stem: base.slice(0, us), lang: lang.key });
    }
    return sortByPy(found, f => f.rel);
}
/** What the include resolver needs to know about a repository-relative path (symlink hops judged here). */
function probe(project, relPath, trustedRel) {
    const joined = `${project.cwd}/${relPath}`;
    const abs = isNormalAbsolute(joined) ? joined : external_node_path_namespaceObject.resolve(project.cwd, relPath);
    const st = project.view.stat(abs);
    const entry = abs === project.cwd ? { kind: 'dir' } : st.entry;
    if (entry === null || entry.kind === 'broken')
        return 'missing';
    if (st.symlinked && !project.chainWithin(abs, [project.real(external_node_path_namespaceObject.resolve(project.cwd, trustedRel))])) {
        return 'unsafe';
    }
    return entry.kind === 'file' ? 'file' : 'other';
}
/** {@link probe}, with answers remembered per trusted root: prompts include the same shared files over and over. */
function includeProbe(project, trustedRel) {
    const cache = project.table(`probe:${trustedRel}`);
    return relPath => {
        let target = cache.get(relPath);
        if (target === undefined)
            cache.set(relPath, (target = probe(project, relPath, trustedRel)));
        return target;
    };
}
// An options object, not 'utf8': `readFileSync` copies a string option into a fresh object on every call.
const UTF8 = { encoding: 'utf8', flag: 'r' };
/**
 * Reads one prompt file. Synchronous on purpose: for thousands of small files `readFileSync` measured ~8× faster
 * than `fs.promises.readFile` (which costs an open, fstat, read and close round trip each). Each text is read
 * just before use, so it dies young instead of being copied through the garbage collector's generations.
 */
function readPrompt(file) {
    try {
        return external_node_fs_namespaceObject.readFileSync(file, UTF8);
    }
    catch (e) {
        return e instanceof Error ? e : new Error(String(e));
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/prompt-index.js
/**
 * An index of the `*.prompt` entries below the scanned prompt roots, answering the globs PDD's sync discovery
 * runs (`<dir>.glob("<name>_*.prompt")`, the recursive `**` form of it, `rglob("*.prompt")`) without walking the tree
 * once per basename. Like Python 3.12's `pathlib` globbing, `**` includes hidden directories and does not
 * descend into symlinked directories.
 */


/** Prompt entries below the scanned roots. */
class prompt_index_PromptIndex {
    view;
    roots = [];
    byPrefix = new Map();
    byLeafLower = new Map();
    all = [];
    constructor(view) {
        this.view = view;
    }
    /** Whether `<dir>/<name>_*.prompt` matches anything (a callback for context detection, made once). */
    hasPrompt = (dir, name) => this.globHere(dir, name).length > 0;
    /** Every indexed entry, in scan order. */
    entries() {
        return this.all;
    }
    /** Lists `root` (async, prefetching) and indexes it, unless an indexed root already covers it. */
    async addRoot(root) {
        const abs = external_node_path_namespaceObject.resolve(root);
        if (this.covers(abs))
            return;
        await this.view.prefetchTree(abs);
        this.indexTree(abs);
    }
    /** `<dir>/<dirParts…>/<name>_*.prompt` (one directory, literal parts, case-sensitive). */
    globHere(dir, name, dirParts = []) {
        let cur = absolute(dir);
        for (let i = 0; i < dirParts.length; i++) {
            const part = dirParts[i];
            const e = this.view.list(cur)?.get(part);
            if (e?.kind !== 'dir')
                return [];
            cur = external_node_path_namespaceObject.join(cur, part);
        }
        const names = this.view.namesStartingWith(cur, `${name}_`);
        const out = [];
        for (let i = 0; i < names.length; i++) {
            const n = names[i];
            if (matchesName(n, name))
                out.push(joinName(cur, n));
        }
        return out;
    }
    /** `<base>.glob("**" + "/<dirParts…>/<name>_*.prompt")`: any depth below `base`, then the literal parts. */
    globRecursive(base, name, dirParts = []) {
        const abs = external_node_path_namespaceObject.resolve(base);
        this.ensure(abs);
        const tail = dirParts.join('/');
        const prefix = `${abs}/`;
        const out = [];
        for (const e of this.byPrefix.get(name) ?? []) {
            if (!e.abs.startsWith(prefix))
                continue;
            const relDir = parentOf(e.abs.slice(abs.length + 1));
            if (tail !== '' && relDir !== tail && !relDir.endsWith(`/${tail}`))
                continue;
            out.push(e.abs);
        }
        return out;
    }
    /** `rglob("*.prompt")` under `base`, restricted to regular files whose lower-cased name is one of `leaves`. */
    filesNamed(base, leaves) {
        const abs = external_node_path_namespaceObject.resolve(base);
        this.ensure(abs);
        const prefix = `${abs}/`;
        const out = [];
        for (const leaf of leaves) {
            for (const e of this.byLeafLower.get(leaf) ?? [])
                if (e.isFile && e.abs.startsWith(prefix))
                    out.push(e);
        }
        return out;
    }
    covers(abs) {
        return this.roots.some(r => abs === r || abs.startsWith(`${r}/`));
    }
    ensure(abs) {
        if (!this.covers(abs))
            this.indexTree(abs);
    }
    indexTree(root) {
        this.roots.push(root);
        const stack = [root];
        while (stack.length > 0) {
            const dir = stack.pop();
            for (const e of this.view.list(dir)?.values() ?? []) {
                const abs = joinName(dir, e.name);
                if (e.name.endsWith('.prompt'))
                    this.add({ abs, leaf: e.name, isFile: e.kind === 'file' });
                if (e.kind === 'dir' && !e.symlink && !this.roots.includes(abs))
                    stack.push(abs);
            }
        }
    }
    add(entry) {
        this.all.push(entry);
        const lower = entry.leaf.toLowerCase();
        const same = this.byLeafLower.get(lower);
        if (same === undefined)
            this.byLeafLower.set(lower, [entry]);
        else
            same.push(entry);
        for (let i = entry.leaf.indexOf('_'); i >= 0; i = entry.leaf.indexOf('_', i + 1)) {
            const key = entry.leaf.slice(0, i);
            const list = this.byPrefix.get(key);
            if (list === undefined)
                this.byPrefix.set(key, [entry]);
            else
                list.push(entry);
        }
    }
}
/** Does a leaf match `glob.escape(name) + "_*.prompt"`? */
function matchesName(leaf, name) {
    return leaf.length >= name.length + 8 && leaf.startsWith(`${name}_`) && leaf.endsWith('.prompt');
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/detect-languages.js
/**
 * `sync_main._detect_languages` and `_python_first_sorted`: which `<name>_<language>.prompt` files a basename
 * reaches in a prompts directory.
 */


/**
 * `_detect_languages`: `<name>_*.prompt` in the prompts directory (the basename's directory part is matched
 * there unless the directory already ends with it), else the same pattern at any depth below it.
 */
function detectLanguages(project, index, basename, promptsDir) {
    if (!project.view.isDir(promptsDir))
        return { langs: new Map(), ambiguous: new Map() };
    const slash = basename.lastIndexOf('/');
    const namePart = basename.slice(slash + 1);
    const dirParts = slash < 0 ? [] : pathParts(basename.slice(0, slash));
    const tailMatches = dirParts.length > 0 &&
        ['/', ...pathParts(promptsDir)].slice(-dirParts.length).join('/') === dirParts.join('/');
    let matches = index.globHere(promptsDir, namePart, tailMatches ? [] : dirParts);
    if (matches.length === 0) {
        matches = index.globRecursive(promptsDir, namePart, dirParts.length > 0 && !tailMatches ? dirParts : []);
    }
    const seen = new Map();
    for (let i = 0; i < matches.length; i++) {
        const m = matches[i];
        const stem = stemOf(m);
        if (!stem.startsWith(`${namePart}_`))
            continue;
        const lang = stem.slice(namePart.length + 1);
        const key = lang.toLowerCase();
        if (!isKnownLanguage(lang) || key === 'llm')
            continue;
        const files = seen.get(key);
        if (files === undefined)
            seen.set(key, [m]);
        else
            files.push(m);
    }
    return splitAmbiguous(seen);
}
/** Files PDD would pick by directory order (several per language) are reported as ambiguous. */
function splitAmbiguous(seen) {
    const out = { langs: new Map(), ambiguous: new Map() };
    const keys = [...seen.keys()];
    // One language with one file is the common case: no ordering or de-duplication to do.
    const langs = keys.length > 1 ? pythonFirst(keys) : keys;
    for (let i = 0; i < langs.length; i++) {
        const lang = langs[i];
        const listed = seen.get(lang);
        const files = listed.length === 1 ? listed : [...new Set(listed)];
        if (files.length === 1)
            out.langs.set(lang, files[0]);
        else
            out.ambiguous.set(lang, files.sort(comparePy));
    }
    return out;
}
/** `_python_first_sorted`. */
function pythonFirst(langs) {
    const rest = langs.filter(l => l !== 'python').sort(comparePy);
    return langs.includes('python') ? ['python', ...rest] : rest;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/templates.js
/**
 * Prompt discovery through `.pddrc` contexts (`sync_main._find_prompt_in_contexts` and the template half of
 * `_detect_languages_with_context`): `outputs.prompt.path` templates, else a context's `prompts_dir`.
 */







/** The context's `outputs.prompt.path`, when it is a non-empty string. */
function promptTemplate(ctx) {
    const outputs = ctx.defaults.outputs;
    if (typeof outputs !== 'object' || outputs === null)
        return null;
    const prompt = outputs.prompt;
    if (typeof prompt !== 'object' || prompt === null)
        return null;
    const p = prompt.path;
    return typeof p === 'string' && p !== '' ? p : null;
}
/** `_find_prompt_in_contexts`: the first non-default context (file order) that reaches a prompt for the basename. */
function findPromptInContexts(project, index, config, basename) {
    for (const ctx of config.contexts) {
        if (ctx.name === 'default')
            continue;
        const template = promptTemplate(ctx);
        if (template === null) {
            const pd = ctx.defaults.prompts_dir;
            if (typeof pd !== 'string' || pd === '')
                continue;
            const dir = external_node_path_namespaceObject.resolve(config.dir, pd);
            if (!project.view.isDir(dir))
                continue;
            const found = detectLanguages(project, index, basename, dir);
            const first = pythonFirst([...found.langs.keys(), ...found.ambiguous.keys()])[0];
            if (first === undefined)
                continue;
            const file = found.langs.get(first);
            if (file === undefined)
                return { ambiguous: found.ambiguous };
            return { context: ctx.name, path: file, lang: first };
        }
        const parts = nameParts(relativeBasenameForContext(basename, ctx, 'paths-first'));
        for (const lang of SYNC_LANGUAGES) {
            if (!template.includes('{name}') && ctx.name !== basename)
                continue;
            const file = lookup(project, external_node_path_namespaceObject.join(config.dir, expandTemplate(template, { ...parts, ext: csvExt(lang), language: lang })));
            if (file !== null)
                return { context: ctx.name, path: file, lang };
        }
    }
    return null;
}
/**
 * The template half of `_detect_languages_with_context`: languages reachable through the context's
 * `outputs.prompt.path`, else its recursive fallback below the template's fixed prefix; null when the context
 * has no template or nothing was found (PDD then scans the prompts directory).
 */
function templateLanguages(project, index, config, basename, contextName) {
    const ctx = config.contexts.find(c => c.name === contextName);
    const template = ctx === undefined ? null : promptTemplate(ctx);
    if (ctx === undefined || template === null)
        return null;
    const parts = nameParts(relativeBasenameForContext(basename, ctx, 'paths-first'));
    const seen = new Map();
    if (!template.includes('{language}') && !template.includes('{ext}')) {
        const full = external_node_path_namespaceObject.join(config.dir, template);
        if (project.view.exists(full)) {
            const suffix = stemOf(full).split('_').pop().toLowerCase();
            seen.set(isKnownLanguage(suffix) ? suffix : 'python', [full]);
            return splitAmbiguous(seen);
        }
    }
    else {
        for (const lang of SYNC_LANGUAGES) {
            const file = lookup(project, external_node_path_namespaceObject.join(config.dir, expandTemplate(template, { ...parts, ext: csvExt(lang), language: lang })));
            if (file !== null)
                seen.set(lang, [file]);
        }
        if (seen.size > 0)
            return splitAmbiguous(seen);
    }
    const base = promptsBaseDir(template);
    if (base === null || !project.view.isDir(external_node_path_namespaceObject.join(config.dir, base)))
        return null;
    for (const file of index.globRecursive(external_node_path_namespaceObject.join(config.dir, base), parts.name)) {
        const stem = stemOf(file);
        if (!stem.startsWith(`${parts.name}_`))
            continue;
        const lang = stem.slice(parts.name.length + 1);
        if (isKnownLanguage(lang) && lang.toLowerCase() !== 'llm') {
            seen.set(lang.toLowerCase(), [...(seen.get(lang.toLowerCase()) ?? []), file]);
        }
    }
    return seen.size > 0 ? splitAmbiguous(seen) : null;
}
function nameParts(contextBasename) {
    const parts = contextBasename === '' ? [''] : contextBasename.split('/');
    const category = parts.length > 1 ? parts.slice(0, -1).join('/') : '';
    return {
        name: parts[parts.length - 1],
        category,
        dir_prefix: category === '' ? '' : `${category}/`
    };
}
/** `construct_paths.get_extension` as `_get_extension_safe` calls it: the CSV extension *with* its dot, or ''. */
function csvExt(lang) {
    return rowFor(lang)?.extension ?? '';
}
/** `_case_insensitive_prompt_lookup`: the path if it exists, else a same-named (case-insensitive) sibling file. */
function lookup(project, p) {
    if (project.view.exists(p))
        return p;
    const lower = external_node_path_namespaceObject.basename(p).toLowerCase();
    const hits = [...(project.view.list(parentOf(p))?.values() ?? [])]
        .filter(e => e.kind === 'file' && e.name.toLowerCase() === lower)
        .map(e => e.name)
        .sort();
    return hits[0] === undefined ? null : external_node_path_namespaceObject.join(parentOf(p), hits[0]);
}
/** `_extract_prompts_base_dir`: the template's fixed directory before its first placeholder. */
function promptsBaseDir(template) {
    const i = template.indexOf('{');
    if (i === -1)
        return external_node_path_namespaceObject.posix.dirname(template);
    if (i === 0)
        return null;
    const prefix = template.slice(0, i).replace(/\/+$/, '');
    return prefix === '' ? null : prefix;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/scan.js
/**
 * Where to look for prompt files and which basenames to try for each: the directories `pdd sync` can search
 * (`prompts/`, every context's `prompts_dir`, `outputs.prompt.path` prefixes, `PDD_PROMPTS_DIR`, the
 * `<generate dir>/prompts` fallback of `construct_paths`, and the CWD's top level), and, for a prompt file, the
 * basenames that might reach it, most preferred first.
 */



/** Absolute directories to scan recursively (existing ones only, parents before children). */
function scan_promptRoots(project, config, pddrcFile) {
    const base = pddrcFile === null ? project.cwd : parentOf(pddrcFile);
    const out = new Set([external_node_path_namespaceObject.join(project.cwd, 'prompts'), external_node_path_namespaceObject.join(base, 'prompts')]);
    const add = (dir, from) => {
        if (typeof dir === 'string' && dir !== '')
            out.add(external_node_path_namespaceObject.resolve(from, dir));
    };
    add(project.env.PDD_PROMPTS_DIR, base);
    addGenerated(project.env.PDD_GENERATE_OUTPUT_PATH, project.cwd, out);
    for (const ctx of config?.contexts ?? []) {
        add(ctx.defaults.prompts_dir, base);
        const template = promptTemplate(ctx);
        if (template !== null)
            add(promptsBaseDir(template), base);
        if (!('prompts_dir' in ctx.defaults))
            addGenerated(ctx.defaults.generate_output_path, project.cwd, out);
    }
    return [...out]
        .filter(d => d !== project.cwd && project.view.isDir(d))
        .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}
/** `construct_paths` falls back to `<directory of the generated code>/prompts` for unconfigured contexts. */
function addGenerated(value, cwd, out) {
    if (typeof value !== 'string' || value === '')
        return;
    const dir = value.endsWith('/') ? value : parentOf(value);
    out.add(external_node_path_namespaceObject.resolve(cwd, dir, 'prompts'));
}
/**
 * Basenames to try for a prompt file, most preferred first: its path (minus `_<language>.prompt`) relative to
 * each scanned root that holds it, deepest root first (the design's rule); then the bare name; then every
 * longer path suffix. Only a basename whose simulated `pdd sync` reaches exactly this file is used.
 */
function candidateBasenames(file, stem, roots, cwd) {
    const out = [];
    const prefixes = directoryPrefixes(parentOf(file), roots, cwd);
    for (let i = 0; i < prefixes.length; i++) {
        const b = scan_join(prefixes[i], stem);
        if (b !== '' && !out.includes(b))
            out.push(b);
    }
    return out;
}
const prefixCache = new WeakMap();
/** The directory parts of {@link candidateBasenames} in order (`''` for the bare name), computed once per directory. */
function directoryPrefixes(dir, roots, cwd) {
    let byCwd = prefixCache.get(roots);
    if (byCwd === undefined)
        prefixCache.set(roots, (byCwd = new Map()));
    let byDir = byCwd.get(cwd);
    if (byDir === undefined)
        byCwd.set(cwd, (byDir = new Map()));
    let out = byDir.get(dir);
    if (out !== undefined)
        return out;
    const holding = roots.filter(r => dir === r || dir.startsWith(`${r}/`)).sort((a, b) => b.length - a.length);
    out = [...holding.map(r => relativeTo(r, dir)), ''];
    const parts = relativeTo(cwd, dir)
        .split(external_node_path_namespaceObject.sep)
        .filter(p => p !== '' && p !== '..');
    for (let i = parts.length - 1; i >= 0; i--)
        out.push(parts.slice(i).join('/'));
    byDir.set(dir, out);
    return out;
}
function scan_join(dir, stem) {
    return dir === '' ? stem : `${dir.split(external_node_path_namespaceObject.sep).join('/')}/${stem}`;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/syncmain.js
/**
 * What `pdd sync <basename>` finds, without running it: `sync_main._validate_basename`,
 * `_find_prompt_in_contexts`, the `construct_paths` discovery of the prompts directory, and
 * `_detect_languages_with_context` / `_detect_languages`.
 */







// sync_main.DANGEROUS_BASENAME_CHARS
// eslint-disable-next-line no-control-regex -- the control characters are part of PDD's blocklist
const DANGEROUS = /[;|&$`><!'"~{}*?#\\%\s\x00-\x1f\x7f]/u;
/** `_validate_basename`: why `pdd sync` would reject this basename (exit 2), or null. */
function validateBasename(basename) {
    if (basename === '')
        return 'BASENAME cannot be empty.';
    // Only a name containing `.` can have a `.` or `..` segment.
    if (basename.includes('.') && basename.split('/').some(s => s === '.' || s === '..'))
        return "Path traversal ('..' or '.') is not allowed in BASENAME.";
    if (basename.startsWith('/'))
        return 'Absolute paths not allowed in BASENAME.';
    if (basename.endsWith('/') || basename.includes('//'))
        return 'Malformed path in BASENAME.';
    const bad = DANGEROUS.exec(basename);
    return bad === null ? null : `Basename '${basename}' contains dangerous character '${bad[0]}'.`;
}
/** The context sets `prompts_dir` or some `*_output_path`. */
function configuresOutputs(defaults) {
    const keys = Object.keys(defaults);
    return keys.includes('prompts_dir') || keys.some(k => k.endsWith('_output_path'));
}
function noMatches() {
    return { langs: new Map(), ambiguous: new Map() };
}
/** Memoised simulation of `pdd sync <basename>` discovery for one project. */
class syncmain_SyncSimulator {
    project;
    index;
    memo = new Map();
    constructor(project, index) {
        this.project = project;
        this.index = index;
    }
    /** What `pdd sync <basename>` would find. */
    resolve(basename) {
        let out = this.memo.get(basename);
        if (out === undefined) {
            out = this.compute(basename);
            this.memo.set(basename, out);
        }
        return out;
    }
    compute(basename) {
        const invalid = validateBasename(basename);
        if (invalid !== null)
            return { ...noMatches(), promptsDir: '', contextOverride: null, error: invalid };
        const cwdPddrc = this.project.findPddrc(this.project.cwd);
        const config = cwdPddrc === null ? null : this.project.loadPddrc(cwdPddrc).config;
        let override = this.project.cliContext;
        let promptsDir;
        const found = config === null ? null : findPromptInContexts(this.project, this.index, config, basename);
        if (found !== null && 'ambiguous' in found) {
            return {
                ...noMatches(),
                ambiguous: found.ambiguous,
                promptsDir: '',
                contextOverride: override,
                error: 'ambiguous'
            };
        }
        if (found !== null) {
            promptsDir = parentOf(found.path);
            override ??= found.context;
        }
        else {
            const dir = this.discoveryPromptsDir(basename, override, cwdPddrc);
            if (dir === null)
                return {
                    ...noMatches(),
                    promptsDir: '',
                    contextOverride: override,
                    error: 'Error initializing PDD paths'
                };
            promptsDir = dir;
        }
        const byTemplate = config === null || override === null
            ? null
            : templateLanguages(this.project, this.index, config, basename, override);
        const matches = byTemplate ?? detectLanguages(this.project, this.index, basename, promptsDir);
        return { langs: matches.langs, ambiguous: matches.ambiguous, promptsDir, contextOverride: override };
    }
    /** `construct_paths(command="sync", input_file_paths={})`: the prompts directory sync searches. */
    discoveryPromptsDir(basename, override, cwdPddrc) {
        const cc = constructContext(this.project, this.index, { basenameHint: basename, override });
        let pd = cc.promptsDir;
        if (pd === undefined || pd === null || pd === '' || pd === false || pd === 0) {
            const slash = basename.lastIndexOf('/');
            const dirParts = slash < 0 ? [] : pathParts(basename.slice(0, slash));
            const leaf = basename.slice(slash + 1);
            if (this.index.globHere(this.project.cwd, leaf, dirParts).length > 0)
                pd = this.project.cwd;
            else if (configuresOutputs(cc.original)) {
                pd = 'prompts_dir' in cc.original ? cc.original.prompts_dir : 'prompts';
            }
            else {
                const gen = generateOutputPath({
                    command: 'sync',
                    key: 'generate_output_path',
                    basename,
                    ext: '.py',
                    contextConfig: cc.contextConfig,
                    env: this.project.env,
                    cwd: this.project.cwd,
                    configBase: cc.pddrcFile === null ? null : parentOf(cc.pddrcFile),
                    mode: 'cwd',
                    isDir: this.project.isDir
                });
                pd = joinName(parentOf(gen), 'prompts');
            }
        }
        if (typeof pd !== 'string')
            return null;
        if (cwdPddrc !== null && !pd.startsWith('/'))
            return external_node_path_namespaceObject.resolve(parentOf(cwdPddrc), pd);
        return pd.startsWith('/') ? absolute(pd) : external_node_path_namespaceObject.resolve(this.project.cwd, pd);
    }
}
/** The first candidate basename whose simulated `pdd sync` reaches exactly this file for its language. */
function pickBasename(sim, f, candidates) {
    const target = absolute(f.abs);
    const reasons = [];
    for (let i = 0; i < candidates.length; i++) {
        const b = candidates[i];
        const d = sim.resolve(b);
        const hit = d.langs.get(f.lang);
        if (hit !== undefined && (hit === f.abs || absolute(hit) === target))
            return { basename: b, discovery: d };
        const why = missReason(b, d, f.lang, target);
        if (why !== null)
            reasons.push(why);
    }
    const why = reasons[0] ?? `no basename reaches it (tried ${candidates.join(', ')})`;
    return { reason: `not reachable by pdd sync: ${why}` };
}
/** Why `pdd sync <b>` does not reach the prompt at `target`, if it says anything useful. */
function missReason(b, d, lang, target) {
    const hit = d.langs.get(lang);
    if (d.ambiguous.get(lang)?.some(p => absolute(p) === target) === true)
        return `\`pdd sync ${b}\` matches several ${lang} prompts and picks one by directory order`;
    if (d.error !== undefined && d.error !== 'ambiguous')
        return `\`pdd sync ${b}\`: ${d.error}`;
    if (hit !== undefined)
        return `\`pdd sync ${b}\` reaches ${external_node_path_namespaceObject.relative(parentOf(target), hit)} instead`;
    return null;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/discover/discover.js
/**
 * Step 2 of a run (design.md "Discover"): every prompt file becomes a {@link Unit} — what `pdd sync <basename>`
 * processes for one language — with its paths resolved exactly as PDD resolves them, without running Python.
 */













/** Finds every PDD unit of the project as `pdd sync` would (see the module comment). */
async function discoverUnits(opts) {
    const root = await promises_namespaceObject.realpath(external_node_path_namespaceObject.resolve(opts.repoRoot));
    const project = new project_Project(new fsview_FsView(root), root, opts.env ?? process.env, opts.context ?? null);
    const out = { units: [], skipped: [], problems: [], warnings: [] };
    const rootSlash = `${root}/`;
    const rel = (p) => p.startsWith(rootSlash)
        ? p.slice(root.length + 1)
        : p === root
            ? '.'
            : external_node_path_namespaceObject.relative(root, p).split(external_node_path_namespaceObject.sep).join('/') || '.';
    const pddrcFile = project.findPddrc(root);
    if (!checkConfiguration(project, { pddrcFile, context: opts.context, rel, out }))
        return discover_finish(project, out);
    const index = new prompt_index_PromptIndex(project.view);
    const roots = scan_promptRoots(project, pddrcFile === null ? null : project.loadPddrc(pddrcFile).config, pddrcFile);
    for (const r of roots)
        await index.addRoot(r);
    const files = collectPromptFiles(project, index, out.skipped, rel);
    const sim = new syncmain_SyncSimulator(project, index);
    const chosen = new Map();
    const run = { project, index, rel, out, declared: new Map() };
    for (const f of files) {
        const text = readPrompt(f.abs);
        if (typeof text !== 'string') {
            out.problems.push({ file: f.rel, message: `cannot read prompt: ${text.message}` });
            continue;
        }
        const picked = pickBasename(sim, f, candidateBasenames(f.abs, f.stem, roots, root));
        if ('reason' in picked) {
            out.skipped.push({ path: f.rel, reason: picked.reason });
            continue;
        }
        chosen.set(absolute(f.abs), picked.basename);
        const unit = buildUnit(run, f, picked, text);
        if (unit !== null)
            out.units.push(unit);
    }
    linkPendingIncludes(out.units, run.declared);
    warnOnSharedGroups(sim, chosen, out, rel);
    return discover_finish(project, out);
}
/**
 * A malformed `.pddrc` is reported (PDD prints "Configuration error" and uses defaults); an unusable `--context`
 * is reported and stops discovery, since every `pdd --context …` invocation would exit 2.
 */
function checkConfiguration(project, o) {
    const load = o.pddrcFile === null ? null : project.loadPddrc(o.pddrcFile);
    const shown = o.pddrcFile === null ? '.pddrc' : o.rel(o.pddrcFile);
    if (load?.error !== undefined) {
        o.out.problems.push({
            file: shown,
            message: `${load.error.message} (PDD ignores it and uses default settings)`
        });
    }
    if (o.context === undefined)
        return true;
    const err = load?.error !== undefined
        ? `--context ${o.context}: cannot load ${shown}`
        : validateContextOverride(o.context, load?.config ?? null);
    if (err === null)
        return true;
    o.out.problems.push({ file: shown, message: `${err}; every \`pdd --context ${o.context}\` would exit 2` });
    return false;
}
function buildUnit(run, f, picked, text) {
    const { project, rel } = run;
    const id = `${picked.basename}_${f.lang}`;
    const paths = resolveOrReport(run, f, picked, id);
    if (paths === null)
        return null;
    const all = paths.test === null
        ? [paths.prompt, paths.code, paths.example]
        : [paths.prompt, paths.code, paths.example, paths.test];
    const shown = all.map(rel);
    let outsideAt = 0;
    while (outsideAt < shown.length && !shown[outsideAt].startsWith('../'))
        outsideAt++;
    if (outsideAt < shown.length) {
        const outside = all[outsideAt];
        run.out.problems.push({
            file: f.rel,
            message: `${id}: path '${outside}' lies outside the repository`,
            units: [id]
        });
        return null;
    }
    const trusted = rel(paths.trustedRoot);
    const inc = resolveIncludes({
        text,
        promptPath: shown[0],
        root: trusted,
        exists: includeProbe(project, trusted)
    });
    if (inc.problems.length > 0) {
        const message = `${id}: PDD's prompt hash fails on includes: ${inc.problems.join('; ')}`;
        run.out.problems.push({ file: f.rel, message, units: [id] });
        return null;
    }
    const unit = toUnit(run, {
        id,
        basename: picked.basename,
        language: f.lang,
        paths,
        all,
        shown,
        includes: inc.includes
    });
    if (paths.needsReview !== undefined)
        run.out.warnings.push(`${id}: ${paths.needsReview}`);
    const declared = declaredIncludeTargets({ text, promptPath: shown[0], root: trusted });
    if (declared.length > 0)
        run.declared.set(unit, declared);
    return unit;
}
/**
 * Sets `pendingIncludes`: the declared include targets that are files of a unit of another basename but not in
 * `includes` (not generated yet, or shadowed by another candidate), so that dependency edges see them too.
 */
function linkPendingIncludes(units, declared) {
    if (declared.size === 0)
        return;
    const owners = new Map();
    for (const u of units) {
        for (const f of [u.paths.code, u.paths.example, u.paths.test, u.paths.prompt, ...u.testFiles]) {
            const l = owners.get(f);
            if (l === undefined)
                owners.set(f, [u.basename]);
            else if (!l.includes(u.basename))
                l.push(u.basename);
        }
    }
    declared.forEach((targets, u) => {
        const pending = targets.filter(t => owners.get(t)?.some(b => b !== u.basename) === true && !u.includes.includes(t));
        if (pending.length > 0)
            u.pendingIncludes = pending;
    });
}
function toUnit(run, u) {
    const { project, rel } = run;
    const p = u.paths;
    const meta = unitMetaDirs(project, u.all);
    const unit = {
        id: u.id,
        basename: u.basename,
        language: u.language,
        context: p.context,
        paths: {
            prompt: u.shown[0],
            code: u.shown[1],
            example: u.shown[2],
            test: u.shown[3] ?? ''
        },
        projectRoot: rel(parentOf(parentOf(meta.prompt))),
        metaDir: rel(meta.unit),
        testFiles: p.testFiles.map(rel),
        includes: u.includes,
        defaults: syncDefaults(p.contextDefaults)
    };
    if (p.needsReview !== undefined)
        unit.testOutputNeedsReview = p.needsReview;
    return unit;
}
/** `get_pdd_file_paths` for the unit, or null after recording PDD's refusal as a problem. */
function resolveOrReport(run, f, picked, id) {
    try {
        return resolveUnitPaths(run.project, run.index, {
            basename: picked.basename,
            language: f.lang,
            promptFile: f.abs,
            contextOverride: picked.discovery.contextOverride
        });
    }
    catch (e) {
        if (!(e instanceof PathRefusal))
            throw e;
        run.out.problems.push({
            file: e.file === undefined ? f.rel : run.rel(e.file),
            message: `${id}: ${e.message}`,
            units: [id]
        });
        return null;
    }
}
/** `pdd sync <basename>` syncs every language it finds: say so when that includes a prompt known by another name. */
function warnOnSharedGroups(sim, chosen, out, rel) {
    for (const basename of new Set(chosen.values())) {
        sim.resolve(basename).langs.forEach((file, lang) => {
            const own = chosen.get(absolute(file));
            if (own !== basename) {
                const as = own === undefined ? 'which is not planned as a unit' : `planned as ${own}_${lang}`;
                out.warnings.push(`\`pdd sync ${basename}\` also syncs ${rel(file)} (${lang}), ${as}`);
            }
        });
    }
}
function discover_finish(project, out) {
    sortByPy(out.units, u => u.id);
    sortByPy(out.skipped, s => s.path);
    for (const p of out.problems)
        p.message = p.message.split(project.cwd + external_node_path_namespaceObject.sep).join('');
    out.problems.sort((a, b) => comparePy(a.file, b.file) || comparePy(a.message, b.message));
    out.warnings = [
        ...new Set([...project.warnings, ...out.warnings].map(w => w.split(project.cwd + external_node_path_namespaceObject.sep).join('')))
    ];
    return out;
}
/**
 * What `pdd sync <basename>` would find for each basename (language → repository-relative prompt path), using the
 * same simulation as {@link discoverUnits}; ambiguous languages are left out. Useful to explain a skipped prompt.
 */
async function simulatePddSync(opts, basenames) {
    const root = await fsp.realpath(path.resolve(opts.repoRoot));
    const project = new Project(new FsView(root), root, opts.env ?? process.env, opts.context ?? null);
    const pddrcFile = project.findPddrc(root);
    const index = new PromptIndex(project.view);
    for (const r of promptRoots(project, pddrcFile === null ? null : project.loadPddrc(pddrcFile).config, pddrcFile))
        await index.addRoot(r);
    const sim = new SyncSimulator(project, index);
    const out = {};
    for (const b of basenames) {
        out[b] = Object.fromEntries([...sim.resolve(b).langs].map(([lang, p]) => [lang, path.relative(root, p).split(path.sep).join('/')]));
    }
    return out;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/state/history.js
/**
 * Run records indexed by unit id, newest first. Pure: built from records however they were stored
 * (git notes, a PR comment), so the planner never cares where history came from.
 */
class History {
    byUnit = new Map();
    byLanguage = new Map();
    constructor(records) {
        const seen = new Set();
        for (const r of records) {
            for (const u of r.units) {
                const key = `${r.runId}\0${u.id}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                const e = { createdAt: r.createdAt, runId: r.runId, unit: u };
                push(this.byUnit, u.id, e);
                push(this.byLanguage, u.language.toLowerCase(), e);
            }
        }
        for (const list of this.byUnit.values())
            list.sort(newestFirst);
    }
    /** Entries of a unit, newest first. */
    forUnit(id) {
        return this.byUnit.get(id) ?? [];
    }
    /** Entries of all units of a language (any order). */
    forLanguage(language) {
        return this.byLanguage.get(language.toLowerCase()) ?? [];
    }
    /** Number of unit entries held. */
    get size() {
        let n = 0;
        for (const l of this.byUnit.values())
            n += l.length;
        return n;
    }
}
function push(m, k, v) {
    const l = m.get(k);
    if (l)
        l.push(v);
    else
        m.set(k, [v]);
}
function newestFirst(a, b) {
    if (a.createdAt === b.createdAt)
        return a.runId < b.runId ? 1 : -1;
    return a.createdAt < b.createdAt ? 1 : -1;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/decide-runtime.js
/** Raised where the real PDD raises an uncaught exception; `decide` turns it into an `error` decision. */
class PddWouldRaise extends Error {
    pythonError;
    constructor(pythonError, message) {
        super(`${pythonError}: ${message}`);
        this.pythonError = pythonError;
        this.name = 'PddWouldRaise';
    }
}
// `COMPLETED_VERIFY_COMMANDS` / `COMPLETED_TEST_COMMANDS` in sync_determine_operation.py.
const COMPLETED_VERIFY = new Set(['verify', 'test', 'fix', 'update']);
const COMPLETED_TEST = new Set(['test', 'fix', 'update']);
const COSTS = {
    'auto-deps': 0.1,
    generate: 0.5,
    example: 0.3,
    crash: 0.4,
    verify: 0.35,
    test: 0.6,
    test_extend: 0.6,
    fix: 0.45,
    update: 0.25,
    nothing: 0,
    all_synced: 0,
    error: 0,
    fail_and_request_manual_merge: 0
};
/** PDD's `estimate_operation_cost` table (dollars); unknown operations cost 0. */
function estimateOperationCost(op) {
    return COSTS[op] ?? 0;
}
/** `check_for_dependencies`: literal (case-sensitive) XML tags, or case-insensitive phrases. */
function hasDependencies(promptText) {
    if (['<include>', '<web>', '<shell>'].some(tag => promptText.includes(tag)))
        return true;
    const lower = promptText.toLowerCase();
    const phrases = [
        'auto-deps',
        'auto_deps',
        'dependencies needed',
        'requires dependencies',
        'include dependencies'
    ];
    return phrases.some(phrase => lower.includes(phrase));
}
/**
 * `_changed_artifacts_from_hashes`: the prompt counts whenever its hash differs (also when the prompt is gone);
 * code/example/test only when the file exists and its hash differs.
 */
function changedArtifacts(fingerprint, hashes, exists) {
    const changes = [];
    if (hashes.prompt !== fingerprint.prompt_hash)
        changes.push('prompt');
    if (exists.code && hashes.code !== fingerprint.code_hash)
        changes.push('code');
    if (exists.example && hashes.example !== fingerprint.example_hash)
        changes.push('example');
    if (exists.test && hashes.test !== fingerprint.test_hash)
        changes.push('test');
    return changes;
}
/** Builds a decision with PDD's `decision_type: 'heuristic'` detail. */
function decision(operation, reason, confidence, details = {}) {
    return { operation, reason, confidence, details: { decision_type: 'heuristic', ...details } };
}
/** `_prompt_derived_conflict_decision` (paths of preserved metadata are the caller's business). */
function conflictDecision(changes, fingerprintFound) {
    return decision('fail_and_request_manual_merge', 'Prompt and derived artifacts changed since the last fingerprint; manual conflict resolution required', 1.0, { classification: 'CONFLICT', changed_files: changes, fingerprint_found: fingerprintFound });
}
/** Python's `f'{x:.1f}'`: like `toFixed(1)` but exact ties (x = k.25, k.75) round half to even. */
function pyFixed1(x) {
    if (Number.isNaN(x))
        return 'nan';
    if (!Number.isFinite(x))
        return x > 0 ? 'inf' : '-inf';
    const quarter = x * 4;
    let text = x.toFixed(1);
    if (Number.isInteger(quarter) && quarter % 2 !== 0) {
        const scaled = x * 10;
        const floor = Math.floor(scaled);
        text = ((floor % 2 === 0 ? floor : floor + 1) / 10).toFixed(1);
    }
    const negative = x < 0 || Object.is(x, -0);
    return negative && !text.startsWith('-') ? `-${text}` : text;
}
/** Python's `str(bool)`. */
function pyBool(value) {
    return value ? 'True' : 'False';
}
/** A run "succeeded" for PDD: exit code 0, or passing tests despite tooling noise (Bug #349). */
function runSucceeded(report) {
    return report.exit_code === 0 || (report.tests_passed > 0 && report.tests_failed === 0);
}
const TIME_EXT = /^(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/;
const TIME_BASIC = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?$/;
function parseClock(text) {
    const m = TIME_EXT.exec(text) ?? TIME_BASIC.exec(text);
    if (!m)
        return null;
    const [h, min, s] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
    if (h > 23 || min > 59 || s > 59)
        return null;
    const micro = Number((m[4] ?? '').slice(0, 6).padEnd(6, '0'));
    return BigInt((h * 60 + min) * 60 + s) * 1000000n + BigInt(micro);
}
function daysFromCivil(y, m, d) {
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
function parseDate(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})/.exec(text);
    if (!m)
        return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
    if (y < 1 || monthDays === undefined || d < 1 || d > monthDays)
        return null;
    return { days: daysFromCivil(y, mo, d), length: m[0].length };
}
/**
 * The forms of `datetime.fromisoformat` (after PDD's `.replace('Z', '+00:00')`) that PDD's timestamps use:
 * calendar dates (extended or basic), any one-character separator, `HH[:MM[:SS[.f…]]]` (or basic), and an
 * offset `±HH[:MM[:SS[.f]]]`. Returns null where Python raises ValueError; week dates are not supported.
 */
function parsePythonIsoDatetime(raw) {
    const text = raw.replaceAll('Z', '+00:00');
    const date = parseDate(text);
    if (!date)
        return null;
    const midnight = BigInt(date.days) * 86400000000n;
    const rest = Array.from(text.slice(date.length));
    if (rest.length === 0)
        return { aware: false, micros: midnight };
    const timeAndZone = rest.slice(1).join('');
    const zoneAt = timeAndZone.search(/[+-]/);
    const clock = parseClock(zoneAt < 0 ? timeAndZone : timeAndZone.slice(0, zoneAt));
    if (clock === null)
        return null;
    if (zoneAt < 0)
        return { aware: false, micros: midnight + clock };
    const offset = parseClock(timeAndZone.slice(zoneAt + 1));
    if (offset === null || offset >= 86400000000n)
        return null;
    const signed = timeAndZone[zoneAt] === '-' ? -offset : offset;
    return { aware: true, micros: midnight + clock - signed };
}
/**
 * The legacy staleness test of `_is_workflow_complete`: true when the fingerprint is newer than the run report.
 * Unparseable timestamps skip the check (ValueError is caught); naive vs aware raises TypeError in Python.
 */
function fingerprintNewerThanReport(fingerprint, report) {
    const fp = parsePythonIsoDatetime(fingerprint.timestamp);
    const rr = parsePythonIsoDatetime(report.timestamp);
    if (!fp || !rr)
        return false;
    if (fp.aware !== rr.aware) {
        throw new PddWouldRaise('TypeError', "can't compare offset-naive and offset-aware datetimes");
    }
    return fp.micros > rr.micros;
}
/** Whether the run report was produced for the current test file(s) (`_is_workflow_complete`, Bug #156). */
function reportMatchesTests(report, fingerprint, hashes, testExists) {
    const stored = report.test_files;
    if (stored && Object.keys(stored).length > 0) {
        const current = hashes.testFiles;
        const currentNames = Object.keys(current);
        const storedNames = new Set(Object.keys(stored));
        if (currentNames.length !== storedNames.size || currentNames.some(n => !storedNames.has(n)))
            return false;
        return currentNames.every(name => stored[name] === current[name]);
    }
    if (!testExists)
        return true;
    if (report.test_hash)
        return hashes.test === report.test_hash;
    return !(fingerprint && fingerprintNewerThanReport(fingerprint, report));
}
/**
 * `_is_workflow_complete`. Note `test_extend` is in neither completed-command set and `skip:*` never counts.
 * @throws PddWouldRaise where PDD raises (naive vs aware timestamps in the legacy staleness check).
 */
function isWorkflowComplete(input) {
    const { exists, runReport, fingerprint, skipTests, skipVerify } = input;
    if (!exists.code || !exists.example || (!skipTests && !exists.test))
        return false;
    if (skipTests && skipVerify)
        return true;
    if (!runReport || !runSucceeded(runReport))
        return false;
    if (runReport.tests_passed > 0 && runReport.coverage === 0)
        return false;
    if (!skipTests && !reportMatchesTests(runReport, fingerprint, input.hashes, exists.test))
        return false;
    // A `skip:<op>` command is in neither set, which is PDD's explicit "skipped, not completed" rule.
    const command = fingerprint?.command;
    if (!skipVerify && command !== undefined && !COMPLETED_VERIFY.has(command))
        return false;
    if (!skipTests && command !== undefined && !COMPLETED_TEST.has(command))
        return false;
    return true;
}
/** `_check_example_success_history`, with the glob over `<b>_<l>_run*.json` done by the caller. */
function exampleSucceededBefore(ctx) {
    const fp = ctx.fingerprint;
    if (fp?.command === 'verify')
        return true;
    if (ctx.runReport?.exit_code === 0 || ctx.hasSuccessfulRunHistory)
        return true;
    return Boolean(fp?.example_hash) && ['example', 'verify', 'test', 'fix'].includes(fp?.command ?? '');
}
/** The run report as the runtime branch sees it: with --skip-tests, failures are zeroed (exit code too, if caused by them). */
function runtimeView(report, skipTests) {
    if (!skipTests)
        return report;
    return { ...report, exit_code: report.tests_failed > 0 ? 0 : report.exit_code, tests_failed: 0 };
}
/**
 * The runtime-signal branch of `_perform_sync_analysis` (only when both fingerprint and run report exist):
 * prompt change, crash retry/verify, test failures, runtime errors, low coverage. Null = fall through.
 */
function runtimeDecision(ctx, fp, disk) {
    const rr = runtimeView(disk, ctx.skipTests);
    if (ctx.hashes.prompt && ctx.hashes.prompt !== fp.prompt_hash) {
        const changes = changedArtifacts(fp, ctx.hashes, ctx.exists);
        if (changes.some(change => change !== 'prompt'))
            return conflictDecision(changes, true);
        const deps = hasDependencies(ctx.exists.prompt ? (ctx.promptText ?? '') : '');
        const reason = 'Prompt changed - regenerating (takes priority over runtime signals)';
        const details = { prompt_changed: true, previous_command: fp.command, runtime_state_ignored: true };
        return decision(deps ? 'auto-deps' : 'generate', reason, 0.95, details);
    }
    if (fp.command === 'crash' && !ctx.skipVerify) {
        if (rr.exit_code !== 0) {
            const reason = `Previous crash operation failed (exit_code=${rr.exit_code}) - retry crash fix`;
            return decision('crash', reason, 0.9, { previous_command: 'crash', workflow_stage: 'crash_retry' });
        }
        const reason = 'Previous crash operation completed - verify example runs correctly';
        return decision('verify', reason, 0.9, { previous_command: 'crash', current_exit_code: rr.exit_code });
    }
    if (rr.tests_failed > 0) {
        if (ctx.exists.test) {
            const reason = `Test failures detected: ${rr.tests_failed} failed tests`;
            return decision('fix', reason, 0.9, { tests_failed: rr.tests_failed, exit_code: rr.exit_code });
        }
        const reason = 'Test failures reported but test file missing - need to generate tests';
        return decision('test', reason, 0.85, { run_report_shows_failures: true, test_file_exists: false });
    }
    if (rr.exit_code !== 0 && !(rr.tests_passed > 0 && rr.tests_failed === 0)) {
        const history = exampleSucceededBefore(ctx);
        const details = { exit_code: rr.exit_code, example_success_history: history };
        const fixReason = 'Runtime error detected but example has run successfully before - prefer fix over crash';
        const crashReason = 'Runtime error detected in last run - no successful example history';
        return history ? decision('fix', fixReason, 0.9, details) : decision('crash', crashReason, 0.95, details);
    }
    return rr.coverage < ctx.targetCoverage ? lowCoverageDecision(ctx, rr) : null;
}
/** Step "coverage below target" of the runtime branch. */
function lowCoverageDecision(ctx, rr) {
    const cov = pyFixed1(rr.coverage);
    const target = pyFixed1(ctx.targetCoverage);
    const details = { current_coverage: rr.coverage, target_coverage: ctx.targetCoverage };
    if (ctx.skipTests) {
        const reason = `Coverage ${cov}% below target ${target}% but tests skipped`;
        return decision('all_synced', reason, 0.9, { ...details, tests_skipped: true, skip_tests: true });
    }
    if (!(rr.tests_failed === 0 && rr.tests_passed > 0)) {
        if (rr.tests_passed === 0 && rr.tests_failed === 0 && rr.exit_code === 0) {
            const reason = `Tests completed (exit_code=0) but coverage ${cov}% could not be verified - accepting as complete`;
            return decision('all_synced', reason, 0.7, { ...details, unparseable_output: true });
        }
        return decision('test', `Coverage ${cov}% below target ${target}%`, 0.85, details);
    }
    const python = ctx.language.toLowerCase() === 'python';
    const passed = `Tests pass (${rr.tests_passed} passed)`;
    if (!ctx.exists.code) {
        const reason = 'Code file missing with stale metadata - regenerate from prompt';
        return decision('generate', reason, 0.95, { code_file_exists: false, test_file_exists: ctx.exists.test });
    }
    if (!ctx.exists.test && (python || rr.test_hash === null || rr.test_hash === undefined)) {
        const reason = 'Example validated but test file missing - generate tests';
        return decision('test', reason, 0.9, { test_file_exists: false });
    }
    const skipped = { ...details, test_extend_skipped: true, language: ctx.language };
    if (ctx.disableTestExtend) {
        const reason = `${passed}. Coverage ${cov}% below target but test_extend disabled (PDD_DISABLE_TEST_EXTEND / PR auto-heal scope guard) - accepting as complete`;
        return decision('all_synced', reason, 0.9, { ...skipped, skip_reason: 'PDD_DISABLE_TEST_EXTEND' });
    }
    if (!python) {
        const reason = `${passed}. Coverage ${cov}% below target but test_extend not supported for ${ctx.language} - accepting as complete`;
        return decision('all_synced', reason, 0.9, { ...skipped, skip_reason: 'non-python language' });
    }
    const reason = `${passed} but coverage ${cov}% below target ${target}% - extending tests`;
    return decision('test_extend', reason, 0.85, { ...details, extend_tests: true });
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/decide.js


/** Python-falsy non-string JSON values become '' (falsy, never equal to a digest); others a non-digest string. */
function hashValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string')
        return value;
    const empty = typeof value === 'object' && Object.keys(value).length === 0;
    return value === 0 || value === false || empty ? '' : JSON.stringify(value);
}
function decide_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A `{name: hash}` map; PDD keeps any JSON here, we keep objects only (PDD would raise on the rest). */
function hashMap(value) {
    if (!decide_isRecord(value))
        return null;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hashValue(v) ?? '']));
}
function decide_text(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
/**
 * `read_fingerprint`: valid when `pdd_version`, `timestamp` and `command` are present (any value); hashes are
 * optional. Non-object JSON returns null (PDD raises TypeError there).
 */
function parseFingerprint(json) {
    if (!decide_isRecord(json) || !['pdd_version', 'timestamp', 'command'].every(key => key in json))
        return null;
    return {
        pdd_version: decide_text(json.pdd_version),
        timestamp: decide_text(json.timestamp),
        command: decide_text(json.command),
        prompt_hash: hashValue(json.prompt_hash),
        code_hash: hashValue(json.code_hash),
        example_hash: hashValue(json.example_hash),
        test_hash: hashValue(json.test_hash),
        test_files: hashMap(json.test_files),
        include_deps: hashMap(json.include_deps)
    };
}
/** Python compares ints, floats and bools numerically; anything else cannot be ordered. */
function pyNumber(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'boolean')
        return value ? 1 : 0;
    return null;
}
/**
 * `read_run_report`: valid when `timestamp`, `exit_code`, `tests_passed`, `tests_failed` and `coverage` are
 * present. A non-numeric `exit_code` only ever compares unequal to 0 (kept as NaN); non-numeric counts or
 * coverage make PDD raise TypeError on first use, so they return null here.
 */
function parseRunReport(json) {
    const required = ['timestamp', 'exit_code', 'tests_passed', 'tests_failed', 'coverage'];
    if (!decide_isRecord(json) || !required.every(key => key in json))
        return null;
    const [passed, failed, coverage] = [json.tests_passed, json.tests_failed, json.coverage].map(pyNumber);
    if (passed === null || failed === null || coverage === null)
        return null;
    if (passed === undefined || failed === undefined || coverage === undefined)
        return null;
    return {
        timestamp: decide_text(json.timestamp),
        exit_code: pyNumber(json.exit_code) ?? Number.NaN,
        tests_passed: passed,
        tests_failed: failed,
        coverage,
        test_hash: hashValue(json.test_hash),
        test_files: hashMap(json.test_files)
    };
}
/** Whether a `<b>_<l>_run*.json` file counts as a successful run for `_check_example_success_history`. */
function isSuccessfulRunRecord(json) {
    return decide_isRecord(json) && (json.exit_code === 0 || json.exit_code === false);
}
/** Whether `fileName` matches PDD's history glob `<basename with / → _>_<language>_run*.json`. */
function isRunHistoryFileName(fileName, basename, language) {
    const prefix = `${basename.replaceAll('/', '_')}_${language.toLowerCase()}_run`;
    return fileName.startsWith(prefix) && fileName.endsWith('.json') && fileName.length >= prefix.length + 5;
}
// Python's str.strip() whitespace (str.isspace), which differs from String.prototype.trim.
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');
/** `is_test_extend_disabled`: 1/true/yes/on after Python's strip() and lower(). */
function isTruthyEnv(value) {
    return ['1', 'true', 'yes', 'on'].includes((value ?? '').replace(PY_STRIP, '').toLowerCase());
}
/** How `sync_orchestration` computes `isolated_replay_or_repair`: global `--force` or a non-empty directive. */
function isIsolatedReplayOrRepair(force, repairDirective) {
    return force || Boolean(repairDirective);
}
function context(input) {
    return {
        ...input,
        language: input.language.toLowerCase(),
        skipTests: Boolean(input.skipTests) || Boolean(input.testOutputNeedsReview),
        skipVerify: Boolean(input.skipVerify),
        targetCoverage: input.targetCoverage ?? 90,
        isolatedReplayOrRepair: Boolean(input.isolatedReplayOrRepair),
        disableTestExtend: Boolean(input.disableTestExtend)
    };
}
/** Has-deps on the prompt text, where PDD reads the file only if it exists. */
function promptHasDeps(ctx) {
    return hasDependencies(ctx.exists.prompt ? (ctx.promptText ?? '') : '');
}
/** No fingerprint: a new (or untracked) unit; a run report alone is ignored. */
function newUnitDecision(ctx) {
    if (!ctx.exists.prompt) {
        const reason = 'No prompt file and no history - nothing to do';
        return decision('nothing', reason, 1.0, { prompt_exists: false, fingerprint_found: false });
    }
    return promptHasDeps(ctx)
        ? decision('auto-deps', 'New prompt with dependencies detected', 0.8, { has_dependencies: true })
        : decision('generate', 'New prompt ready for code generation', 0.9, { has_dependencies: false });
}
/** `validate_expected_files`: files whose hash the fingerprint records but which are gone. */
function missingExpectedFiles(ctx, fp) {
    const missing = [];
    if (fp.code_hash && !ctx.exists.code)
        missing.push('code');
    if (fp.example_hash && !ctx.exists.example)
        missing.push('example');
    if (fp.test_hash && !ctx.skipTests && !ctx.exists.test)
        missing.push('test');
    return missing;
}
/** `_handle_missing_expected_files`: regenerate from the earliest missing artifact. */
function missingFilesDecision(ctx, missing) {
    const details = { missing_files: missing };
    if (missing.includes('code')) {
        if (ctx.exists.prompt) {
            const depsReason = 'Code file missing, prompt has dependencies - regenerate from auto-deps';
            return promptHasDeps(ctx)
                ? decision('auto-deps', depsReason, 1.0, details)
                : decision('generate', 'Code file missing - regenerate from prompt', 1.0, details);
        }
    }
    else if (missing.includes('example') && ctx.exists.code) {
        if (ctx.isolatedReplayOrRepair) {
            const reason = 'Example file missing but isolated repair/replay requested - regenerate code without unrelated example work';
            return decision('generate', reason, 1.0, { ...details, isolated_replay_or_repair: true });
        }
        return decision('example', 'Example file missing - regenerate example', 1.0, details);
    }
    else if (missing.includes('test') && ctx.exists.code && ctx.exists.example) {
        return ctx.skipTests
            ? decision('nothing', 'Test file missing but --skip-tests specified - workflow complete', 1.0, details)
            : decision('test', 'Test file missing - regenerate tests', 1.0, details);
    }
    return decision('generate', 'Multiple files missing - regenerate from prompt', 1.0, details);
}
/** No changes, all four files present: validate, verify, or re-run stale tests (Bugs 1, 2, 4). */
function allFilesPresentDecision(ctx, fp) {
    const rr = ctx.runReport;
    if (!rr || (rr.exit_code !== 0 && !(rr.tests_passed > 0 && rr.tests_failed === 0))) {
        const reason = `All files exist but needs validation${rr ? ` - exit_code=${rr.exit_code}` : ' - no run_report'}`;
        return decision('crash', reason, 0.85, { all_files_exist: true, run_report_missing: !rr });
    }
    if (!['verify', 'test', 'fix', 'update'].includes(fp.command) && !ctx.skipVerify) {
        const reason = 'All files exist but verification not completed';
        return decision('verify', reason, 0.85, { last_command: fp.command });
    }
    if (!runSucceeded(rr))
        return null;
    const reason = 'Run report is stale - need to re-run tests to verify current state';
    return decision('test', reason, 0.9, { run_report_stale: true, run_report_test_hash: rr.test_hash ?? null });
}
/** No changes, code and example present, test missing: crash → verify → test, or done for agentic languages. */
function testMissingDecision(ctx, fp) {
    const rr = ctx.runReport;
    if (ctx.language !== 'python' &&
        rr &&
        rr.tests_passed > 0 &&
        rr.tests_failed === 0 &&
        rr.test_hash != null) {
        const reason = `Tests pass (${rr.tests_passed} passed) via agentic test generation - workflow complete`;
        return decision('all_synced', reason, 0.9, { agentic_test_complete: true, test_hash: rr.test_hash });
    }
    if (!rr && !ctx.skipVerify) {
        const reason = 'Example exists but needs runtime testing before test generation';
        return decision('crash', reason, 0.85, { no_run_report: true, workflow_stage: 'crash_validation' });
    }
    if (rr && rr.exit_code !== 0 && !ctx.skipVerify) {
        const reason = 'Example crashes - fix runtime errors before test generation';
        return decision('crash', reason, 0.9, { exit_code: rr.exit_code, workflow_stage: 'crash_fix' });
    }
    if (fp.command !== 'verify' && !ctx.skipVerify) {
        const reason = 'Example runs but needs verification before test generation';
        return decision('verify', reason, 0.85, { last_command: fp.command, workflow_stage: 'verify_validation' });
    }
    const reason = 'Example validated - ready for test generation';
    return decision('test', reason, 0.85, { test_exists: false, workflow_stage: 'test_generation' });
}
/** Hashes match the fingerprint: progress the workflow (the run report is re-read from disk here). */
function noChangeDecision(ctx, fp) {
    const { exists, skipTests, skipVerify } = ctx;
    const complete = {
        exists,
        hashes: ctx.hashes,
        runReport: ctx.runReport,
        fingerprint: fp,
        skipTests,
        skipVerify
    };
    if (isWorkflowComplete(complete)) {
        const reason = `All required files synchronized (skip_tests=${pyBool(skipTests)}, skip_verify=${pyBool(skipVerify)})`;
        return decision('nothing', reason, 1.0, { skip_tests: skipTests, skip_verify: skipVerify });
    }
    if (exists.code && exists.example && exists.test) {
        const allPresent = allFilesPresentDecision(ctx, fp);
        if (allPresent)
            return allPresent;
    }
    if (exists.code && !exists.example) {
        const reason = 'Code exists but example missing - progress workflow';
        return decision('example', reason, 0.85, { code_exists: true, example_exists: false });
    }
    if (exists.code && exists.example && !skipTests && !exists.test)
        return testMissingDecision(ctx, fp);
    if (exists.code || !exists.prompt)
        return null;
    if (fp.command === 'auto-deps') {
        // Unreachable in practice: step 1 already answers for an auto-deps fingerprint.
        return decision('generate', 'Auto-deps completed, now generate missing code file', 0.9);
    }
    return promptHasDeps(ctx)
        ? decision('auto-deps', 'Missing code file, prompt has dependencies', 0.8, { has_dependencies: true })
        : decision('generate', 'Missing code file - generate from prompt', 0.9, { has_dependencies: false });
}
/** Exactly one artifact changed since the fingerprint. */
function singleChangeDecision(ctx, change) {
    const details = { changed_file: change };
    switch (change) {
        case 'prompt':
            if (!ctx.exists.prompt) {
                // PDD reads the prompt text without checking that it exists.
                throw new PddWouldRaise('FileNotFoundError', 'the prompt file is gone but its hash is recorded');
            }
            return promptHasDeps(ctx)
                ? decision('auto-deps', 'Prompt changed and dependencies need updating', 0.85, {
                    ...details,
                    prompt_changed: true
                })
                : decision('generate', 'Prompt changed - regenerate code', 0.9, { ...details, prompt_changed: true });
        case 'code':
            return decision('update', 'Code changed - update prompt to reflect changes', 0.85, details);
        case 'test':
            return decision('test', 'Test changed - run new tests', 0.8, details);
        case 'example':
            return decision('verify', 'Example changed - verify new example', 0.8, details);
    }
}
/** Several artifacts changed: a conflict only when the prompt is among them (PDD doctrine). */
function multiChangeDecision(changes) {
    const details = { changed_files: changes, prompt_changed: false };
    if (changes.includes('prompt'))
        return conflictDecision(changes, true);
    if (changes.includes('code')) {
        return decision('verify', 'Derived files changed (prompt unchanged) - verify code works', 0.85, details);
    }
    if (changes.includes('example')) {
        return decision('verify', 'Example changed (prompt unchanged) - verify example runs', 0.85, details);
    }
    return decision('test', 'Test changed (prompt unchanged) - run tests', 0.85, details);
}
function analyse(ctx) {
    const fp = ctx.fingerprint;
    if (fp?.command === 'auto-deps') {
        const details = {
            previous_command: 'auto-deps',
            code_exists: ctx.exists.code,
            regenerate_after_autodeps: true
        };
        return decision('generate', 'Auto-deps completed - regenerate code with updated prompt', 0.9, details);
    }
    if (fp && ctx.runReport) {
        const runtime = runtimeDecision(ctx, fp, ctx.runReport);
        if (runtime)
            return runtime;
    }
    if (!fp)
        return newUnitDecision(ctx);
    const missing = missingExpectedFiles(ctx, fp);
    if (missing.length > 0)
        return missingFilesDecision(ctx, missing);
    const changes = changedArtifacts(fp, ctx.hashes, ctx.exists);
    const [first] = changes;
    if (first === undefined)
        return noChangeDecision(ctx, fp);
    return changes.length === 1 ? singleChangeDecision(ctx, first) : multiChangeDecision(changes);
}
/** The operation `pdd sync` would run next for this unit (`_perform_sync_analysis`, evaluated top to bottom). */
function decide(input) {
    const ctx = context(input);
    try {
        const result = analyse(ctx);
        if (result)
            return result;
    }
    catch (error) {
        if (!(error instanceof PddWouldRaise))
            throw error;
        return {
            operation: 'error',
            reason: `PDD raises ${error.message}`,
            confidence: 1.0,
            details: { pdd_raises: error.pythonError }
        };
    }
    const changes = ctx.fingerprint ? changedArtifacts(ctx.fingerprint, ctx.hashes, ctx.exists) : [];
    const details = { fingerprint_exists: ctx.fingerprint !== null, changes, fallback: true };
    return decision('nothing', 'No clear operation determined', 0.5, details);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/state/files.js



/** sha256 (hex) of bytes — PDD's `calculate_sha256` over a file's raw bytes. */
function sha256(...parts) {
    const h = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for (const p of parts)
        h.update(p);
    return h.digest('hex');
}
/**
 * Reads files relative to a root, each once, with bounded concurrency. A path that is missing, not a regular
 * file, or reached through a symlink that leaves the root reads as null, as PDD's hash of such a path is None.
 */
class FileCache {
    root;
    bytes = new Map();
    realRoot = null;
    constructor(root) {
        this.root = root;
    }
    /**
     * The bytes of a repository-relative path, or null. Synchronous on purpose: for thousands of small files one
     * blocking open/read/close is several times faster than the promise API's thread-pool round trips.
     */
    read(rel) {
        let b = this.bytes.get(rel);
        if (b === undefined) {
            b = this.load(rel);
            this.bytes.set(rel, b);
        }
        return b;
    }
    /** sha256 of a repository-relative path, or null when it cannot be read. */
    hash(rel) {
        const b = this.read(rel);
        return b ? sha256(b) : null;
    }
    load(rel) {
        const abs = external_node_path_namespaceObject.join(this.root, rel);
        let fd;
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(abs, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NOFOLLOW);
        }
        catch (e) {
            return e.code === 'ELOOP' ? this.loadThroughLink(abs) : null;
        }
        try {
            return (0,external_node_fs_namespaceObject.fstatSync)(fd).isFile() ? (0,external_node_fs_namespaceObject.readFileSync)(fd) : null;
        }
        catch {
            return null;
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
    }
    /** A symlink is followed only when its target stays inside the root (PDD's trusted-root rule). */
    loadThroughLink(abs) {
        try {
            this.realRoot ??= (0,external_node_fs_namespaceObject.realpathSync)(this.root);
            const real = (0,external_node_fs_namespaceObject.realpathSync)(abs);
            if (real !== this.realRoot && !real.startsWith(this.realRoot + external_node_path_namespaceObject.sep))
                return null;
            return (0,external_node_fs_namespaceObject.readFileSync)(real);
        }
        catch {
            return null;
        }
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/state/load.js




/** `.pdd/meta` file name stem of a unit: PDD's `_safe_basename` (`/` → `_`) plus the language. */
function metaStem(unit) {
    return `${unit.basename.replace(/\//g, '_')}_${unit.language.toLowerCase()}`;
}
/**
 * Loads the state of every unit. The repository's own `.pdd/meta` files win; otherwise the newest recorded
 * fingerprint that matches the unit's current files is restored from history (content-addressed).
 * Synchronous file reads: see {@link FileCache}.
 */
function loadStates(root, units, history) {
    const files = new FileCache(root);
    const listings = new Map();
    const listing = (dir) => {
        let names = listings.get(dir);
        if (!names) {
            try {
                names = new Set((0,external_node_fs_namespaceObject.readdirSync)(external_node_path_namespaceObject.join(root, dir)));
            }
            catch {
                names = new Set();
            }
            listings.set(dir, names);
        }
        return names;
    };
    return units.map(unit => loadOne(files, unit, listing(unit.metaDir), history));
}
function loadOne(files, unit, metaNames, history) {
    const prompt = files.read(unit.paths.prompt);
    const code = files.hash(unit.paths.code);
    const example = files.hash(unit.paths.example);
    const test = files.hash(unit.paths.test);
    const testFiles = {};
    for (const tf of unit.testFiles) {
        const h = files.hash(tf);
        if (h)
            testFiles[external_node_path_namespaceObject.posix.basename(tf)] = h;
    }
    const base = {
        exists: { prompt: prompt !== null, code: code !== null, example: example !== null, test: test !== null },
        promptText: prompt ? prompt.toString('utf8') : null
    };
    const promptHashes = new Map();
    const hashesWith = (fp) => {
        let ph = null;
        if (prompt) {
            const deps = dependencies(prompt, unit.includes, fp);
            const key = deps.join('\0');
            ph = promptHashes.get(key) ?? sha256(prompt, ...deps.map(d => files.read(d)).filter(b => b !== null));
            promptHashes.set(key, ph);
        }
        return { prompt: ph, code, example, test, testFiles };
    };
    const stem = metaStem(unit);
    if (metaNames.has(`${stem}.json`)) {
        const fingerprint = parseFingerprint(load_readJson(files, `${unit.metaDir}/${stem}.json`));
        if (fingerprint) {
            const runReport = metaNames.has(`${stem}_run.json`)
                ? parseRunReport(load_readJson(files, `${unit.metaDir}/${stem}_run.json`))
                : null;
            const hasSuccessfulRunHistory = runHistory(files, unit, metaNames);
            return {
                ...base,
                fingerprint,
                runReport,
                hashes: hashesWith(fingerprint),
                hasSuccessfulRunHistory,
                source: 'repository'
            };
        }
    }
    return { ...base, ...fromHistory(history.forUnit(unit.id), hashesWith) };
}
/** Picks the newest exact match, else the newest entry matching the most files (at least one). */
function fromHistory(entries, hashesWith) {
    let best = null;
    for (const entry of entries) {
        const fp = entry.unit.fingerprint;
        if (!fp)
            continue;
        const hashes = hashesWith(fp);
        const score = matchScore(fp, hashes);
        if (score === 4)
            return restored(entry, hashes, 'exact');
        if (score > 0 && (!best || score > best.score))
            best = { entry, hashes, score };
    }
    if (best)
        return restored(best.entry, best.hashes, 'partial');
    return {
        fingerprint: null,
        runReport: null,
        hashes: hashesWith(null),
        hasSuccessfulRunHistory: false,
        source: 'none'
    };
}
function restored(entry, hashes, match) {
    const runReport = entry.unit.runReport ? parseRunReport(entry.unit.runReport) : null;
    return {
        fingerprint: parseFingerprint(entry.unit.fingerprint),
        runReport,
        hashes,
        hasSuccessfulRunHistory: runReport ? isSuccessfulRunRecord(entry.unit.runReport) : false,
        source: 'notes',
        match,
        fromRun: entry.runId
    };
}
/** How many of the four artifact hashes a fingerprint shares with the files (a missing file matches null). */
function matchScore(fp, h) {
    let n = 0;
    if ((fp.prompt_hash ?? null) === h.prompt)
        n++;
    if ((fp.code_hash ?? null) === h.code)
        n++;
    if ((fp.example_hash ?? null) === h.example)
        n++;
    if ((fp.test_hash ?? null) === h.test)
        n++;
    // A fingerprint that only agrees on files that are all missing says nothing about this unit.
    return n > 0 && [h.prompt, h.code, h.example, h.test].some(x => x !== null) ? n : 0;
}
/**
 * The files PDD's v1 prompt hash (`calculate_prompt_hash`) appends to the prompt bytes: the live include
 * dependencies, or — when the prompt has no include reference — the fingerprint's stored `include_deps` keys
 * (sorted, stripped), so that changes in files whose tags auto-deps removed are still seen.
 */
function dependencies(prompt, includes, fp) {
    if (includes.length === 0 && fp?.include_deps && !hasIncludeReference(prompt.toString('utf8'))) {
        return [...new Set(Object.keys(fp.include_deps).map(k => k.trim()))].sort();
    }
    return includes;
}
function hasIncludeReference(text) {
    // PDD's `_legacy_include_references`: `.` does not cross a newline there either.
    return /<include\b[^>]*>.*?<\/include>/.test(text) || /```<[^>]*?>```/.test(text);
}
function load_readJson(files, rel) {
    const b = files.read(rel);
    if (!b)
        return null;
    try {
        return JSON.parse(b.toString('utf8'));
    }
    catch {
        return null;
    }
}
/** PDD's `_check_example_success_history` strategy 2b: any `<b>_<l>_run*.json` with exit code 0. */
function runHistory(files, unit, names) {
    for (const name of names) {
        if (!isRunHistoryFileName(name, unit.basename, unit.language))
            continue;
        if (isSuccessfulRunRecord(load_readJson(files, `${unit.metaDir}/${name}`)))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/state/record.js
const STATUSES = new Set([
    'synced',
    'failed',
    'skipped-budget',
    'skipped-dependency',
    'conflict',
    'unchanged'
]);
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isRecordUnit(v) {
    return (isObject(v) &&
        typeof v.id === 'string' &&
        typeof v.language === 'string' &&
        typeof v.status === 'string' &&
        STATUSES.has(v.status) &&
        Array.isArray(v.operations) &&
        (v.cost === null || typeof v.cost === 'number'));
}
/** Type guard for one parsed record line. */
function isRunRecord(v) {
    return (isObject(v) &&
        v.schema === 1 &&
        typeof v.runId === 'string' &&
        typeof v.createdAt === 'string' &&
        Array.isArray(v.units) &&
        v.units.every(isRecordUnit));
}
/** Parses a note's text: one JSON record per line; blank lines are ignored, anything else counts as bad. */
function parseNote(text) {
    const records = [];
    let badLines = 0;
    for (const line of text.split('\n')) {
        const t = line.trim();
        if (t === '')
            continue;
        try {
            const v = JSON.parse(t);
            if (isRunRecord(v))
                records.push(v);
            else
                badLines++;
        }
        catch {
            badLines++;
        }
    }
    return { records, badLines };
}
/** Serialises a record as the single line a note holds. */
function formatRecord(record) {
    return JSON.stringify(record);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/state/notes-store.js

/**
 * Run records kept in git notes. Reading fetches the remote notes ref into a scratch ref (never over the local
 * ref, which may hold records not pushed yet), then reads every note of both with one `git cat-file --batch`.
 */
class NotesStore {
    git;
    opts;
    constructor(git, opts) {
        this.git = git;
        this.opts = opts;
    }
    /** The scratch ref the remote notes are fetched into. */
    get incomingRef() {
        return `refs/pdd-sync/incoming/${this.opts.ref.replace(/^refs\//, '')}`;
    }
    async readRecords() {
        return (await this.begin()).done;
    }
    /**
     * Fetches and lists the notes, then starts the one `git cat-file --batch` that reads them and returns at
     * once: the caller can do other work (discovery) while git reads, and awaits `done` for the records.
     */
    async begin() {
        const warnings = [];
        const refs = [];
        if (await this.git.refExists(this.opts.ref))
            refs.push(this.opts.ref);
        if (await this.fetchRemote(warnings))
            refs.push(this.incomingRef);
        const oids = new Set();
        for (const ref of refs)
            for (const b of await this.git.listBlobs(ref))
                oids.add(b.oid);
        const objects = this.git.readObjects([...oids]);
        return { done: objects.then(o => this.parse(o, warnings)) };
    }
    parse(objects, warnings) {
        const records = [];
        let corrupt = 0;
        for (const [oid, bytes] of objects) {
            const parsed = parseNote(bytes.toString('utf8'));
            records.push(...parsed.records);
            if (parsed.badLines > 0 && ++corrupt <= 5) {
                warnings.push(`Note ${oid} in ${this.opts.ref}: ${parsed.badLines} line(s) are not run records; skipped.`);
            }
        }
        if (corrupt > 5)
            warnings.push(`${corrupt - 5} more notes had lines that are not run records; skipped.`);
        return { records, warnings };
    }
    async fetchRemote(warnings) {
        const remote = this.opts.remote;
        if (remote === null || !(await this.git.hasRemote(remote)))
            return false;
        try {
            return await this.git.fetchRefInto(remote, this.opts.ref, this.incomingRef);
        }
        catch (e) {
            warnings.push(`Could not fetch ${this.opts.ref} from ${remote}; planning with local history only: ${e.message}`);
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/estimate.js

/** PDD's own estimate of one operation (`estimate_operation_cost`, pdd-cli.md §5.1), in dollars. */
function pddEstimate(op) {
    return estimateOperationCost(op);
}
const AFTER = {
    'auto-deps': ['generate', 'example', 'crash', 'verify', 'test'],
    generate: ['example', 'crash', 'verify', 'test'],
    example: ['crash', 'verify', 'test'],
    crash: ['verify', 'test'],
    verify: ['test'],
    update: ['verify', 'test']
};
/**
 * The operations a `pdd sync` is expected to run when its first decision is `first`: PDD keeps deciding until
 * the unit is in sync, so a `generate` is followed by the example, crash check, verify and tests. Skipped
 * operations cost nothing (the orchestrator skips crash/verify with either flag, test/fix with skip-tests); an
 * example that exists already is not regenerated after a new `generate`.
 */
function expectedOperations(first, flags, exampleExists = false) {
    if (pddEstimate(first) === 0)
        return [];
    const ops = [first, ...(AFTER[first] ?? []).filter(o => !(o === 'example' && exampleExists))];
    return ops.filter(o => {
        if (o === 'crash' || o === 'verify')
            return !flags.skipTests && !flags.skipVerify;
        if (o === 'test' || o === 'fix' || o === 'test_extend')
            return !flags.skipTests;
        return true;
    });
}
function median(xs) {
    if (xs.length === 0)
        return null;
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/**
 * Past cost of one operation in each entry: a run's booked cost spread over the operations it ran in
 * proportion to PDD's own estimates (PDD books one cost per sync, not per operation).
 */
function perOperationCosts(entries, op) {
    const out = [];
    for (const e of entries) {
        const u = e.unit;
        if (u.cost === null || !u.operations.includes(op))
            continue;
        const weights = u.operations.map(o => pddEstimate(o));
        const total = weights.reduce((a, b) => a + b, 0);
        if (total > 0)
            out.push((u.cost * pddEstimate(op)) / total);
    }
    return out;
}
const languageMedians = new WeakMap();
/** Median per language and operation, computed once per history (thousands of units share it). */
function languageMedian(history, language, op) {
    let cache = languageMedians.get(history);
    if (!cache)
        languageMedians.set(history, (cache = new Map()));
    const key = `${language.toLowerCase()}\0${op}`;
    if (!cache.has(key))
        cache.set(key, median(perOperationCosts(history.forLanguage(language), op)));
    return cache.get(key) ?? null;
}
/** Estimate of one operation: median of the unit's past costs, then of the language's, then PDD's table. */
function estimateOperation(op, unit, history) {
    const own = median(perOperationCosts(history.forUnit(unit.id), op));
    if (own !== null)
        return { cost: own, basis: 'unit' };
    const lang = languageMedian(history, unit.language, op);
    if (lang !== null)
        return { cost: lang, basis: 'language' };
    return { cost: pddEstimate(op), basis: 'pdd' };
}
/** Estimate of a whole sync of a unit, rounded to cents' hundredths. */
function estimateUnit(ops, unit, history) {
    const sum = ops.reduce((acc, op) => acc + estimateOperation(op, unit, history).cost, 0);
    return roundCost(sum);
}
/** Rounds dollars to 4 decimals, as PDD prints costs. */
function roundCost(x) {
    return Math.round(x * 10000) / 10000;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/graph.js
/**
 * Dependency edges: unit id → ids of the units whose files its prompt includes (other basenames only), whether
 * the file exists (`includes`) or is still to be generated (`pendingIncludes`).
 */
function dependencyEdges(units) {
    const owner = new Map();
    for (const u of units) {
        for (const f of [u.paths.code, u.paths.example, u.paths.test, u.paths.prompt, ...u.testFiles]) {
            const l = owner.get(f);
            if (l)
                l.push(u.id);
            else
                owner.set(f, [u.id]);
        }
    }
    const basenameOf = new Map(units.map(u => [u.id, u.basename]));
    const edges = new Map();
    for (const u of units) {
        const deps = new Set();
        // Languages of one basename are one group, ordered by PDD itself (Python first): no edge inside a group.
        const add = (inc) => {
            for (const id of owner.get(inc) ?? [])
                if (basenameOf.get(id) !== u.basename)
                    deps.add(id);
        };
        u.includes.forEach(add);
        u.pendingIncludes?.forEach(add);
        edges.set(u.id, [...deps].sort());
    }
    return edges;
}
/** Strongly connected components with more than one unit: dependency cycles (Tarjan, iterative). */
function findCycles(ids, edges) {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const cycles = [];
    let counter = 0;
    for (const start of ids) {
        if (index.has(start))
            continue;
        const work = [{ id: start, i: 0 }];
        index.set(start, counter);
        low.set(start, counter++);
        stack.push(start);
        onStack.add(start);
        while (work.length > 0) {
            const top = work[work.length - 1];
            const next = (edges.get(top.id) ?? [])[top.i++];
            if (next !== undefined) {
                if (!index.has(next)) {
                    index.set(next, counter);
                    low.set(next, counter++);
                    stack.push(next);
                    onStack.add(next);
                    work.push({ id: next, i: 0 });
                }
                else if (onStack.has(next))
                    low.set(top.id, Math.min(low.get(top.id) ?? 0, index.get(next) ?? 0));
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent)
                low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(top.id) ?? 0));
            if (low.get(top.id) === index.get(top.id)) {
                const scc = [];
                let x;
                do {
                    x = stack.pop();
                    if (x === undefined)
                        break;
                    onStack.delete(x);
                    scc.push(x);
                } while (x !== top.id);
                if (scc.length > 1)
                    cycles.push(scc.sort());
            }
        }
    }
    return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}
/**
 * Dependency order: every unit after the units it depends on; ties by id. Edges inside a cycle are ignored
 * for ordering (the cycle is reported, not looped on).
 */
function topoOrder(ids, edges, cycles) {
    const inCycle = new Map();
    cycles.forEach((c, i) => c.forEach(id => inCycle.set(id, i)));
    const known = new Set(ids);
    const indeg = new Map(ids.map(id => [id, 0]));
    const dependents = new Map();
    for (const id of ids) {
        for (const d of edges.get(id) ?? []) {
            if (!known.has(d) || (inCycle.has(id) && inCycle.get(id) === inCycle.get(d)))
                continue;
            indeg.set(id, (indeg.get(id) ?? 0) + 1);
            dependents.set(d, [...(dependents.get(d) ?? []), id]);
        }
    }
    const ready = ids.filter(id => indeg.get(id) === 0).sort();
    const out = [];
    while (ready.length > 0) {
        const id = ready.shift();
        out.push(id);
        for (const n of dependents.get(id) ?? []) {
            const k = (indeg.get(n) ?? 0) - 1;
            indeg.set(n, k);
            if (k === 0)
                insertSorted(ready, n);
        }
    }
    return out;
}
function insertSorted(list, v) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    list.splice(lo, 0, v);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/glob.js
/**
 * Minimal glob matching for unit selection (`workflow_dispatch` input `units`): `*` (not `/`), `**` (any depth),
 * `?`, `{a,b}` and `[…]`. Pure; no file system.
 */
function globToRegExp(glob) {
    let re = '';
    let i = 0;
    let braces = 0;
    while (i < glob.length) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                const slash = glob[i + 2] === '/';
                re += slash ? '(?:.*/)?' : '.*';
                i += slash ? 3 : 2;
                continue;
            }
            re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '{') {
            braces++;
            re += '(?:';
        }
        else if (c === '}' && braces > 0) {
            braces--;
            re += ')';
        }
        else if (c === ',' && braces > 0)
            re += '|';
        else if (c === '[') {
            const end = glob.indexOf(']', i + 1);
            if (end < 0)
                re += '\\[';
            else {
                re +=
                    '[' +
                        glob
                            .slice(i + 1, end)
                            .replace(/^!/, '^')
                            .replace(/\\/g, '\\\\') +
                        ']';
                i = end;
            }
        }
        else
            re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
        i++;
    }
    return new RegExp(`^${re}$`);
}
/** Whether any of the globs matches any of the names. */
function matchesAny(globs, names) {
    return globs.some(g => names.some(n => g.test(n)));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/scope.js

const ZERO = /^0+$/;
/** Files whose change can move every unit's paths or settings. */
const GLOBAL_FILES = /(^|\/)(\.pddrc|architecture\.json)$/;
/** Resolves the scope of a run; git is asked only for `push`. */
async function resolveScope(git, req) {
    if (req.trigger === 'workflow_dispatch' && req.units && req.units.length > 0) {
        return { mode: 'globs', globs: req.units.map(globToRegExp) };
    }
    if (req.trigger !== 'push')
        return { mode: 'all' };
    const before = req.before?.trim() ?? '';
    if (before === '' || ZERO.test(before)) {
        return { mode: 'all', notice: 'The push created the branch (no "before" commit): planning all units.' };
    }
    const after = (await git.commitOf(req.after?.trim() || 'HEAD')) ?? null;
    if (!after)
        return {
            mode: 'all',
            notice: `The pushed commit ${req.after ?? 'HEAD'} is unknown here: planning all units.`
        };
    if (!(await git.commitOf(before)) && (await git.isShallow()) && (await git.hasRemote('origin'))) {
        await git.fetchCommit('origin', before);
    }
    if (!(await git.commitOf(before))) {
        return {
            mode: 'all',
            notice: `The commit before the push (${before.slice(0, 12)}) is unknown (force push or missing history): planning all units.`
        };
    }
    const changed = new Set(await git.changedFiles(before, after));
    const global = [...changed].find(p => GLOBAL_FILES.test(p));
    if (global)
        return { mode: 'all', notice: `${global} changed: planning all units.` };
    return { mode: 'changed', changed };
}
/** Repository-relative files whose change affects a unit (its own files, included files, its state). */
function unitFiles(unit, metaStem) {
    const p = unit.paths;
    return [
        p.prompt,
        p.code,
        p.example,
        p.test,
        ...unit.testFiles,
        ...unit.includes,
        `${unit.metaDir}/${metaStem}.json`,
        `${unit.metaDir}/${metaStem}_run.json`
    ];
}
/** Whether the scope selects a unit. */
function inScope(scope, unit, metaStem) {
    if (scope.mode === 'all')
        return true;
    if (scope.mode === 'globs')
        return matchesAny(scope.globs ?? [], [unit.id, unit.basename, unit.paths.prompt]);
    const changed = scope.changed ?? new Set();
    return unitFiles(unit, metaStem).some(f => changed.has(f));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/plan.js











/**
 * Steps 2–4 of design.md: discover units, load their state, decide each unit's next operation, order by
 * dependencies, estimate costs. Starts no `pdd` and calls no LLM.
 */
async function buildPlan(opts, reporter) {
    return (await planRepository(opts, reporter)).plan;
}
/** {@link buildPlan}, also returning the units and states behind the plan. */
async function planRepository(opts, reporter) {
    // git reads the notes (one cat-file process writing to a file) while discovery walks the work tree.
    const git = await openGit(opts.repoRoot, reporter);
    const historyRead = await beginHistory(git, opts, reporter);
    const scopePromise = git ? resolveScope(git, opts.scope) : Promise.resolve({ mode: 'all' });
    const t = phaseTimer(opts.env.PDD_SYNC_TIMING === '1' ? reporter : null);
    const discovered = await discoverUnits({ repoRoot: opts.repoRoot, env: opts.env, context: opts.context });
    t('discover');
    for (const w of discovered.warnings)
        reporter.warning(w);
    for (const p of discovered.problems)
        reporter.error(p.message, { file: p.file });
    const [history, scope] = await Promise.all([historyRead.done, scopePromise]);
    t('history and scope (git)');
    const states = loadStates(opts.repoRoot, discovered.units, history);
    t('state');
    if (scope.notice)
        reporter.notice(scope.notice);
    const changed = scope.changed
        ? relativeToProject(scope.changed, git?.root ?? opts.repoRoot, await (0,promises_namespaceObject.realpath)(opts.repoRoot))
        : undefined;
    const effectiveScope = changed ? { ...scope, changed } : scope;
    const edges = dependencyEdges(discovered.units);
    const ids = discovered.units.map(u => u.id);
    const cycles = findCycles(ids, edges);
    for (const c of cycles)
        reporter.warning(`Dependency cycle between ${c.join(', ')}: ordered by id, not looped on.`);
    const order = topoOrder(ids, edges, cycles);
    const byId = new Map(discovered.units.map((u, i) => [u.id, { unit: u, state: states[i] }]));
    const planned = [];
    for (const id of order) {
        const e = byId.get(id);
        if (!e)
            continue;
        const selected = inScope(effectiveScope, e.unit, metaStem(e.unit));
        if (!selected)
            continue;
        planned.push(planUnit(e.unit, e.state, edges.get(id) ?? [], history, opts));
    }
    t('decide, order, estimate');
    const plan = {
        version: 1,
        units: planned,
        estimatedCost: roundCost(planned.reduce((a, u) => a + u.estimatedCost, 0)),
        skipped: discovered.skipped,
        problems: discovered.problems,
        cycles,
        scope: {
            trigger: opts.scope.trigger,
            mode: effectiveScope.mode,
            ...(scope.notice ? { notice: scope.notice } : {})
        }
    };
    return { plan, units: byId, history };
}
/** With a reporter, logs the milliseconds since the previous call (PDD_SYNC_TIMING=1). */
function phaseTimer(reporter) {
    let last = performance.now();
    return phase => {
        const now = performance.now();
        reporter?.info(`timing: ${phase} ${(now - last).toFixed(0)} ms`);
        last = now;
    };
}
function planUnit(unit, state, dependsOn, history, opts) {
    const decision = decide(decideInput(unit, state, opts));
    const ops = expectedOperations(decision.operation, { skipTests: opts.skipTests, skipVerify: opts.skipVerify }, state.exists.example);
    return {
        id: unit.id,
        basename: unit.basename,
        language: unit.language,
        context: unit.context,
        paths: unit.paths,
        operation: decision.operation,
        reason: decision.reason,
        estimatedCost: estimateUnit(ops, unit, history),
        dependsOn,
        stateSource: state.source,
        selected: true,
        estimatedOperations: ops
    };
}
/** The decision input of a unit, with the flags `pdd` will get (design.md step 4). */
function decideInput(unit, state, opts) {
    return {
        language: unit.language,
        fingerprint: state.fingerprint,
        runReport: state.runReport,
        hashes: state.hashes,
        exists: state.exists,
        promptText: state.promptText,
        hasSuccessfulRunHistory: state.hasSuccessfulRunHistory,
        skipTests: opts.skipTests,
        skipVerify: opts.skipVerify,
        targetCoverage: opts.targetCoverage ?? unit.defaults?.targetCoverage ?? 90,
        isolatedReplayOrRepair: isIsolatedReplayOrRepair(opts.force, opts.env.PDD_REPAIR_DIRECTIVE),
        disableTestExtend: isTruthyEnv(opts.env.PDD_DISABLE_TEST_EXTEND),
        testOutputNeedsReview: Boolean(unit.testOutputNeedsReview)
    };
}
async function openGit(dir, reporter) {
    try {
        return await Git.open(dir);
    }
    catch (e) {
        reporter.warning(`${e.message} — planning without history or change scope.`);
        return null;
    }
}
/** Starts reading run records from every store; `done` reports warnings and gives the indexed history. */
async function beginHistory(git, opts, reporter) {
    const pending = [];
    if (git && opts.notesRef) {
        const notes = new NotesStore(git, { ref: opts.notesRef, remote: opts.remote });
        pending.push((await notes.begin()).done);
    }
    for (const s of opts.extraStores ?? [])
        pending.push(s.readRecords());
    const done = Promise.all(pending).then(results => {
        for (const w of results.flatMap(r => r.warnings))
            reporter.warning(w);
        return new History(results.flatMap(r => r.records));
    });
    return { done };
}
/** Maps paths relative to the git top level onto paths relative to the project directory. */
function relativeToProject(paths, gitRoot, projectRoot) {
    const prefix = external_node_path_namespaceObject.relative(gitRoot, external_node_path_namespaceObject.resolve(projectRoot)).split(external_node_path_namespaceObject.sep).join('/');
    if (prefix === '')
        return new Set(paths);
    const out = new Set();
    for (const p of paths)
        if (p.startsWith(prefix + '/'))
            out.add(p.slice(prefix.length + 1));
    return out;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/cost-csv.js
/**
 * PDD's `--output-cost` / `PDD_OUTPUT_COST_PATH` CSV (`pdd/track_cost.py`, pdd-cli.md §3): one row per top-level
 * command, written by Python's `csv.DictWriter` (minimal quoting, `""` escapes, `\r\n` line ends). The header
 * decides the form: 13 columns, or 7 / 6 when the file was started by an older PDD. Pure.
 */
/** The 13 columns in the order PDD 0.0.310 writes them. */
const COST_COLUMNS = (/* unused pure expression or super */ null && ([
    'timestamp',
    'model',
    'command',
    'cost',
    'input_files',
    'output_files',
    'attempted_models',
    'requested_model',
    'resolved_model',
    'model_selection_outcome',
    'strength_used',
    'cli_version',
    'deepswe_manifest_date'
]));
/** The plain-text provenance columns and their {@link CostRow} keys. */
const OPTIONAL_TEXT = [
    ['requested_model', 'requestedModel'],
    ['resolved_model', 'resolvedModel'],
    ['model_selection_outcome', 'modelSelectionOutcome'],
    ['strength_used', 'strengthUsed'],
    ['cli_version', 'cliVersion'],
    ['deepswe_manifest_date', 'deepsweManifestDate']
];
/** Type guard for a {@link CostRow}, e.g. one read back from JSON. */
function isCostRow(x) {
    if (typeof x !== 'object' || x === null)
        return false;
    const r = x;
    const strings = (v) => Array.isArray(v) && v.every(s => typeof s === 'string');
    const optional = (k, ok) => r[k] === undefined || ok(r[k]);
    const isString = (v) => typeof v === 'string';
    return (typeof r.timestamp === 'string' &&
        typeof r.model === 'string' &&
        typeof r.command === 'string' &&
        (r.cost === null || (typeof r.cost === 'number' && Number.isFinite(r.cost))) &&
        strings(r.inputFiles) &&
        strings(r.outputFiles) &&
        optional('attemptedModels', strings) &&
        OPTIONAL_TEXT.every(([, key]) => optional(key, isString)));
}
/** Parses a whole cost CSV: a header row, then data rows. A malformed line is a problem, not an exception. */
function parseCostCsv(text) {
    const records = splitRecords(text);
    const first = records.shift();
    if (first === undefined)
        return { rows: [], problems: [] };
    const header = first.fields?.map(f => f.trim()) ?? [];
    if (!header.includes('cost') || !header.includes('command')) {
        return { rows: [], problems: [`line ${first.line}: not a PDD cost CSV header: ${clip(first.raw)}`] };
    }
    return parseRecords(header, records);
}
/**
 * Cost of the rows appended between two reads of the same run-scoped CSV (`before` null = no file yet).
 * Null when the file is missing, was rewritten instead of appended to, holds a malformed new line, or gained
 * no row: PDD appends a row for every command that did not raise, so a missing row means the sync crashed.
 */
function sumNewCost(before, after) {
    if (after === null)
        return { cost: null, reason: 'cost file missing: PDD appended no row' };
    const old = before ?? '';
    if (!after.startsWith(old))
        return { cost: null, reason: 'cost file was rewritten, not appended to' };
    const added = old === '' ? parseCostCsv(after) : parseAppended(old, after);
    if (added.problems.length > 0)
        return { cost: null, reason: `malformed cost CSV: ${added.problems[0]}` };
    if (added.rows.length === 0)
        return { cost: null, reason: 'no cost row appended' };
    let sum = 0;
    for (const row of added.rows) {
        if (row.cost === null)
            return { cost: null, reason: `PDD recorded no cost for '${row.command}'` };
        sum += row.cost;
    }
    return { cost: roundMicro(sum) };
}
function parseAppended(before, after) {
    const head = splitRecords(before)[0];
    const header = head?.fields?.map(f => f.trim()) ?? [];
    if (!header.includes('cost'))
        return { rows: [], problems: [`not a PDD cost CSV header: ${clip(head?.raw)}`] };
    // Line numbers stay those of the whole file.
    const offset = before.split(/\r\n|\n|\r/).length - (/[\r\n]$/.test(before) ? 1 : 0);
    const records = splitRecords(after.slice(before.length)).map(r => ({ ...r, line: r.line + offset }));
    return parseRecords(header, records);
}
function parseRecords(header, records) {
    const rows = [];
    const problems = [];
    for (const rec of records) {
        if (rec.fields === null) {
            problems.push(`line ${rec.line}: unterminated quoted field`);
            continue;
        }
        if (rec.fields.length !== header.length) {
            problems.push(`line ${rec.line}: ${rec.fields.length} fields, header has ${header.length}`);
            continue;
        }
        const row = toRow(header, rec.fields);
        if (typeof row === 'string')
            problems.push(`line ${rec.line}: ${row}`);
        else
            rows.push(row);
    }
    return { rows, problems };
}
/** A row, or a message saying which cell is wrong. */
function toRow(header, fields) {
    const cell = new Map(header.map((h, i) => [h, fields[i] ?? '']));
    const get = (k) => cell.get(k) ?? '';
    const rawCost = get('cost').trim();
    const cost = rawCost === '' ? null : Number(rawCost);
    if (cost !== null && (!Number.isFinite(cost) || !/^[-+0-9.eE]+$/.test(rawCost))) {
        return `cost is not a number: ${clip(rawCost)}`;
    }
    if (cost !== null && cost < 0)
        return `cost is negative: ${rawCost}`;
    const row = {
        timestamp: get('timestamp'),
        model: get('model'),
        command: get('command'),
        cost,
        inputFiles: list(get('input_files')),
        outputFiles: list(get('output_files'))
    };
    if (cell.has('attempted_models'))
        row.attemptedModels = list(get('attempted_models'));
    for (const [col, key] of OPTIONAL_TEXT)
        if (cell.has(col))
            row[key] = get(col);
    return row;
}
function list(cell) {
    return cell === '' ? [] : cell.split(';');
}
/** Splits CSV text into records as Python's csv reader does: quoted fields may hold `,`, `""` and line ends. */
function splitRecords(text) {
    const out = [];
    let i = 0;
    let line = 1;
    while (i < text.length) {
        const start = i;
        const startLine = line;
        const fields = [];
        let field = '';
        let quoted = false;
        let fieldStart = true;
        for (; i < text.length; i++) {
            const c = text[i];
            if (quoted) {
                if (c !== '"') {
                    if (c === '\n')
                        line++;
                    field += c;
                }
                else if (text[i + 1] === '"') {
                    field += '"';
                    i++;
                }
                else {
                    quoted = false;
                }
            }
            else if (c === '"' && fieldStart) {
                quoted = true;
            }
            else if (c === ',') {
                fields.push(field);
                field = '';
                fieldStart = true;
                continue;
            }
            else if (c === '\r' || c === '\n') {
                break;
            }
            else {
                field += c;
            }
            fieldStart = false;
        }
        const raw = text.slice(start, i);
        if (text[i] === '\r' && text[i + 1] === '\n')
            i++;
        i++;
        line++;
        fields.push(field);
        if (quoted)
            out.push({ line: startLine, raw, fields: null });
        else if (raw.trim() !== '')
            out.push({ line: startLine, raw, fields });
    }
    return out;
}
function clip(s) {
    const t = s ?? '';
    return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}
/** Sums of floats such as 0.1 + 0.2 are reported to the micro-dollar, as PDD's own summary does. */
function roundMicro(n) {
    return Math.round(n * 1e6) / 1e6;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/pdd-argv.js
/**
 * The agent providers PDD 0.0.310 knows (`_DEFAULT_PROVIDER_PREFERENCE` in `pdd/agentic_common.py`). Listing
 * them in `PDD_AGENTIC_DISABLED_PROVIDERS` makes `run_agentic_task` — the only way PDD starts an agent CLI —
 * drop every one ("All agent providers failed permanently earlier this run"), so no spend escapes the ledger.
 */
const AGENT_PROVIDERS = ['anthropic', 'google', 'openai', 'opencode'];
/** Environment PDD gets for every sync, whatever the settings (pdd-cli.md §0 item 6, §1). */
const BASE_ENV = {
    CI: '1',
    PDD_FORCE: '1',
    PDD_NO_INTERACTIVE: '1',
    PDD_AUTO_UPDATE: 'false',
    PDD_SUPPRESS_SETUP_REMINDER: '1',
    NO_COLOR: '1',
    TERM: 'dumb',
    PYTHONUNBUFFERED: '1',
    // Rich wraps at 80 columns when stdout is not a terminal, which splits PDD's final Details cell over many
    // table rows; a wider console keeps most reasons on one line. PDD itself drops COLUMNS for the tests it runs.
    COLUMNS: '200'
};
/**
 * Builds `pdd --force [--local] [--context C] [--strength S] [--temperature T] sync --budget B --max-attempts N
 * [--skip-verify] [--skip-tests] [--target-coverage X] --no-steer <basename>` and its environment.
 * Throws an Error naming the option when a number is out of the range PDD accepts.
 */
function buildSyncInvocation(opts) {
    validate(opts);
    const globals = ['--force'];
    if (opts.local)
        globals.push('--local');
    if (opts.context !== undefined)
        globals.push('--context', opts.context);
    if (opts.strength !== undefined)
        globals.push('--strength', num(opts.strength));
    if (opts.temperature !== undefined)
        globals.push('--temperature', num(opts.temperature));
    const sync = ['sync', '--budget', num(opts.budget), '--max-attempts', String(opts.maxAttempts)];
    if (opts.skipVerify)
        sync.push('--skip-verify');
    if (opts.skipTests)
        sync.push('--skip-tests');
    if (opts.targetCoverage !== undefined)
        sync.push('--target-coverage', num(opts.targetCoverage));
    // `--` would be safer against a basename starting with '-', but no prompt file name can make one.
    sync.push('--no-steer', opts.basename);
    const env = { ...BASE_ENV, PDD_OUTPUT_COST_PATH: opts.costFile };
    if (opts.local)
        env.PDD_FORCE_LOCAL = '1';
    if (!opts.agenticFallback) {
        env.PDD_AGENTIC_DISABLED_PROVIDERS = AGENT_PROVIDERS.map(p => `${p}:disabled-by-pdd-sync`).join(',');
    }
    return { argv: [...opts.command, ...globals, ...sync], env };
}
function validate(opts) {
    if (opts.command.length === 0 || opts.command.some(a => a === '')) {
        throw new Error(`pdd-command: expected an executable and its arguments, got ${JSON.stringify(opts.command)}`);
    }
    if (opts.basename === '' || opts.basename.startsWith('-')) {
        throw new Error(`basename: expected a unit basename, got ${JSON.stringify(opts.basename)}`);
    }
    if (!(Number.isFinite(opts.budget) && opts.budget > 0)) {
        throw new Error(`budget: expected a number of dollars > 0, got ${opts.budget}`);
    }
    if (!(Number.isInteger(opts.maxAttempts) && opts.maxAttempts >= 0)) {
        throw new Error(`max-attempts: expected an integer ≥ 0, got ${opts.maxAttempts}`);
    }
    inRange('strength', opts.strength, 0, 1);
    inRange('temperature', opts.temperature, 0, 2);
    inRange('target-coverage', opts.targetCoverage, 0, 100);
    if (opts.context !== undefined && (opts.context === '' || opts.context.startsWith('-'))) {
        throw new Error(`context: expected a .pddrc context name, got ${JSON.stringify(opts.context)}`);
    }
    if (opts.costFile === '')
        throw new Error('cost file: expected a path for PDD_OUTPUT_COST_PATH');
}
function inRange(name, value, min, max) {
    if (value === undefined)
        return;
    if (!(Number.isFinite(value) && value >= min && value <= max)) {
        throw new Error(`${name}: expected a number from ${min} to ${max}, got ${value}`);
    }
}
/** Decimal text Click's FLOAT parses (never exponent notation such as `1e-7`). */
function num(n) {
    const s = String(n);
    return /e/i.test(s) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}
/**
 * Every operation `pdd sync` can run (design.md step 5; style.md "one row in one table"). The terminal decisions
 * (`nothing`, `all_synced`, `fail_and_request_manual_merge`, `error`) run nothing and are not listed.
 */
const PDD_OPERATIONS = {
    'auto-deps': {
        skippedBy: [],
        usesBudget: true,
        writes: ['prompt'],
        scratch: ['project_dependencies.csv'],
        verifiedBy: 'fingerprint command auto-deps; prompt_hash = sha256(prompt + includes)'
    },
    generate: {
        skippedBy: [],
        usesBudget: true,
        writes: ['code'],
        scratch: [],
        verifiedBy: 'fingerprint command generate; code_hash = sha256(code)'
    },
    example: {
        skippedBy: [],
        usesBudget: true,
        writes: ['example'],
        scratch: [],
        verifiedBy: 'fingerprint command example; example_hash = sha256(example)'
    },
    crash: {
        skippedBy: ['--skip-verify', '--skip-tests'],
        usesBudget: true,
        writes: ['code', 'example'],
        scratch: ['crash.log'],
        verifiedBy: 'run report exit_code 0 (an example that already runs is a skip: run report, no fingerprint)'
    },
    verify: {
        skippedBy: ['--skip-verify', '--skip-tests'],
        usesBudget: true,
        writes: ['code', 'example'],
        scratch: ['<b>_verify_results.log'],
        verifiedBy: 'fingerprint command verify; code_hash and example_hash match'
    },
    test: {
        skippedBy: ['--skip-tests'],
        usesBudget: true,
        writes: ['test'],
        scratch: ['.coverage', '.pytest_cache/'],
        verifiedBy: 'run report tests_failed 0 and its test_hash = sha256(test); fingerprint command test'
    },
    test_extend: {
        skippedBy: ['--skip-tests'],
        usesBudget: true,
        writes: ['test'],
        scratch: ['.coverage', '.pytest_cache/'],
        verifiedBy: 'run report coverage ≥ --target-coverage'
    },
    fix: {
        skippedBy: ['--skip-tests'],
        usesBudget: true,
        writes: ['code', 'test'],
        scratch: ['fix_errors.log', '<b>_fix_results.log', '.coverage', '.pytest_cache/'],
        verifiedBy: 'run report exit_code 0, tests_failed 0; fingerprint command fix'
    },
    update: {
        skippedBy: [],
        usesBudget: true,
        writes: ['prompt'],
        scratch: [],
        verifiedBy: 'fingerprint command update; prompt_hash = sha256(prompt)'
    }
};
/**
 * Paths (relative to the sync's working directory; `<b>` as above, `<lang>` lower-case) that any sync may leave
 * besides the unit's files — pdd-cli.md §0.1 "Files a sync leaves", confirmed by a real 0.0.310 run.
 */
const SYNC_SCRATCH = (/* unused pure expression or super */ null && ([
    'litellm_cache.sqlite/',
    '.benchmarks/',
    '.pdd/backups/',
    '.pdd/core_dumps/',
    '.pdd/locks/',
    '.pdd/transactions/',
    '.pdd/last_run.json',
    '.pdd/meta/<b>_<lang>_sync.log'
]));

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/pdd-output.js
const PHASE = /^\s*PDD_PHASE: (\S+)\s*$/;
const LANGUAGE = /^\s*🚀 Syncing for language: (\S+?)\.\.\.\s*$/;
const PANEL = /Total cost: \$([0-9.]+) \| Overall status: (Success|Failed)/;
const BUDGET = /Budget of \$([0-9.]+) exceeded\./;
const EXHAUSTED = /Budget exhausted\. Skipping sync for '([^']+)'\./;
const MODELS = /All candidate models failed\. Last error \(([^)]+)\)(?::\s*(.*))?/;
const NO_PROMPT = /No prompt files found for basename '([^']*)' in directory '([^']*)'/;
const EXCEPTION = /^(?:[A-Za-z_][\w.]*\.)?([A-Z]\w*(?:Error|Exception|Interrupt|Exit)|KeyboardInterrupt)(?::\s?(.*))?$/;
/** Parses a sync's output. stdout carries PDD's markers and table; stderr its logs and Click errors. */
function parseSyncOutput(stdout, stderr = '') {
    const out = stdout.split(/\r\n|\r|\n/);
    const err = stderr.split(/\r\n|\r|\n/);
    const all = [...out, ...err];
    const parsed = {
        ...scanPhases(out),
        languages: parseTable(out),
        overall: null,
        totalCost: null,
        budgetExceeded: firstMatch(all, BUDGET)?.[1] ?? null,
        budgetExhausted: all.flatMap(l => EXHAUSTED.exec(l)?.[1] ?? []),
        allModelsFailed: modelsFailed(all),
        noPromptFiles: null,
        usageError: usageError(err) ?? usageError(out),
        traceback: tracebackLine(err) ?? tracebackLine(out),
        costTrackingError: firstMatch(all, /Error tracking cost: (.*)$/)?.[1]?.trim() ?? null,
        aborted: all.some(l => l.trim() === 'Aborted!')
    };
    const panel = firstMatch(out, PANEL);
    if (panel) {
        parsed.totalCost = Number(panel[1]);
        parsed.overall = panel[2] === 'Success' ? 'Success' : 'Failed';
    }
    const noPrompt = firstMatch(all, NO_PROMPT);
    if (noPrompt)
        parsed.noPromptFiles = { basename: noPrompt[1] ?? '', directory: noPrompt[2] ?? '' };
    return parsed;
}
/** The output narrowed to one language of a multi-language sync: its table row and its phases. */
function languageView(parsed, language) {
    const lang = language.toLowerCase();
    return {
        ...parsed,
        phases: parsed.phasesByLanguage[lang] ?? [],
        phasesByLanguage: { [lang]: parsed.phasesByLanguage[lang] ?? [] },
        languages: parsed.languages.filter(r => r.language.toLowerCase() === lang),
        budgetExhausted: parsed.budgetExhausted.filter(l => l.toLowerCase() === lang)
    };
}
/** The operations PDD ran, in order, without `skip:` markers and the terminal `synced` / `conflict`. */
function operationsRun(phases) {
    return phases.filter(p => !p.startsWith('skip:') && p !== 'synced' && p !== 'conflict');
}
/**
 * The most specific one-line reason a sync failed. PDD's Details cell is preferred, except when it is the
 * source of a file (crash and fix failures put the fixed program or test there, pdd-cli.md §0.1 "Faults"):
 * then the reason is built from the last operation and the run report.
 */
function failureReason(parsed, runReport, lastPhase) {
    const phase = lastPhase ?? operationsRun(parsed.phases).at(-1);
    if (parsed.noPromptFiles) {
        const { basename, directory } = parsed.noPromptFiles;
        return `No prompt files found for basename '${basename}' in directory '${directory}'`;
    }
    if (parsed.usageError)
        return pdd_output_clip(`pdd usage error: ${parsed.usageError}`);
    const failed = parsed.languages.find(r => r.status === 'Failed');
    const fromTable = failed ? reasonFromDetails(failed, runReport, phase) : null;
    if (fromTable)
        return fromTable;
    if (parsed.budgetExceeded)
        return `Budget of $${parsed.budgetExceeded} exceeded.`;
    if (parsed.budgetExhausted.length > 0)
        return 'Budget exhausted: PDD skipped this language';
    if (parsed.allModelsFailed)
        return pdd_output_clip(withPhase(phase, parsed.allModelsFailed));
    if (parsed.traceback)
        return pdd_output_clip(`pdd crashed: ${parsed.traceback}`);
    if (parsed.aborted)
        return 'pdd aborted (an interactive prompt in a non-interactive run)';
    const report = runReport ? reportSummary(runReport) : null;
    if (report && phase)
        return `${phase} failed: ${report}`;
    if (parsed.overall === 'Failed')
        return withPhase(phase, 'PDD reported Overall status: Failed');
    return withPhase(phase, 'PDD reported no reason');
}
function reasonFromDetails(row, runReport, phase) {
    const text = row.details.join('\n').trim();
    if (text === '' || text === 'Step failed')
        return null;
    if (text === 'Budget exhausted')
        return 'Budget exhausted: PDD skipped this language';
    const rest = text.replace(/^Sync failed:\s*/, '');
    const lines = rest.split('\n');
    if (rest === '' || looksLikeSource(lines)) {
        const report = runReport ? reportSummary(runReport) : null;
        const what = phase ? `${phase} failed` : 'sync failed';
        return report ? `${what}: ${report}` : `${what} (PDD printed a file's source instead of a reason)`;
    }
    const models = MODELS.exec(oneLine(rest));
    if (models)
        return pdd_output_clip(withPhase(/Exception during '([^']+)'/.exec(rest)?.[1] ?? phase, modelsText(models)));
    return pdd_output_clip(oneLine(rest));
}
/** Wrapped prose fills its lines; source has blank lines, indentation or code-shaped lines. */
function looksLikeSource(lines) {
    if (lines.length < 2)
        return /^\s*(import |from \S+ import |def |class |#!)/.test(lines[0] ?? '');
    const code = /^\s*(import |from \S+ import |def |class |@\w|#|\/\/|const |let |function |export |package |fn |use )/;
    return lines.some(l => l.trim() === '' || /^\s{2,}\S/.test(l) || code.test(l));
}
function reportSummary(r) {
    const tests = `${r.tests_failed} test${r.tests_failed === 1 ? '' : 's'} failing, ${r.tests_passed} passing`;
    return `${tests} (exit code ${r.exit_code}, coverage ${r.coverage.toFixed(1)}%)`;
}
function withPhase(phase, text) {
    return phase ? `${phase}: ${text}` : text;
}
function scanPhases(lines) {
    const phases = [];
    const byLanguage = {};
    let language = '';
    for (const line of lines) {
        const lang = LANGUAGE.exec(line)?.[1];
        if (lang)
            language = lang.toLowerCase();
        const phase = PHASE.exec(line)?.[1];
        if (phase) {
            phases.push(phase);
            (byLanguage[language] ??= []).push(phase);
        }
    }
    return { phases, phasesByLanguage: byLanguage };
}
/** Rows of the last table whose header is `Language ┃ Status ┃ Cost (USD) ┃ Details`. */
function parseTable(lines) {
    let rows = [];
    let inTable = false;
    for (const line of lines) {
        const t = line.trim();
        if (/^┃\s*Language\s*┃\s*Status\s*┃\s*Cost/.test(t)) {
            rows = [];
            inTable = true;
        }
        else if (inTable && t.startsWith('└')) {
            inTable = false;
        }
        else if (inTable && t.startsWith('│')) {
            addRowLine(rows, t);
        }
    }
    return rows;
}
function addRowLine(rows, line) {
    const cells = line.slice(1, line.endsWith('│') ? -1 : undefined).split('│');
    if (cells.length < 4)
        return;
    const [language = '', status = '', cost = ''] = cells.slice(0, 3).map(c => c.trim());
    // The Details cell may itself contain '│'; Rich pads each cell with one space.
    const detail = cells.slice(3).join('│').replace(/^ /, '').trimEnd();
    const last = rows.at(-1);
    if (language === '' && last) {
        last.details.push(detail);
        refreshSummary(last);
        return;
    }
    if (status !== 'Success' && status !== 'Failed')
        return;
    const money = /^\$([0-9.]+)$/.exec(cost);
    const row = { language, status, cost: money ? Number(money[1]) : null, details: [detail] };
    refreshSummary(row);
    rows.push(row);
}
/** `Completed: generate, example; skipped: crash` (possibly wrapped over several lines). */
function refreshSummary(row) {
    if (row.status !== 'Success')
        return;
    const text = oneLine(row.details.join(' '));
    const completed = /^Completed: ([^;]+)/.exec(text)?.[1];
    const skipped = /(?:^|; )skipped: ([^;]+)/.exec(text)?.[1];
    const list = (s) => s
        .split(',')
        .map(x => x.trim())
        .filter(x => x !== '');
    row.completed = completed ? list(completed) : [];
    row.skipped = skipped ? list(skipped) : [];
}
function modelsFailed(lines) {
    for (const line of lines) {
        const m = MODELS.exec(line);
        if (m)
            return modelsText(m);
    }
    return null;
}
function modelsText(m) {
    const detail = (m[2] ?? '').trim();
    return `All candidate models failed. Last error (${m[1]})${detail ? `: ${detail}` : ''}`;
}
function usageError(lines) {
    const usage = lines.findIndex(l => /^Usage: /.test(l));
    if (usage < 0)
        return null;
    const error = lines.slice(usage).find(l => l.startsWith('Error: '));
    return error ? error.slice('Error: '.length).trim() : null;
}
function tracebackLine(lines) {
    let start = -1;
    lines.forEach((l, i) => {
        if (l.includes('Traceback (most recent call last)'))
            start = i;
    });
    if (start < 0)
        return null;
    const found = lines
        .slice(start + 1)
        .map(l => l.trim())
        .filter(l => EXCEPTION.test(l));
    return found.at(-1) ?? null;
}
function firstMatch(lines, re) {
    for (const line of lines) {
        const m = re.exec(line);
        if (m)
            return m;
    }
    return null;
}
function oneLine(s) {
    return s.replace(/\s+/g, ' ').trim();
}
/** A checklist line stays readable: long reasons are cut at a word boundary. */
function pdd_output_clip(s, max = 240) {
    const t = oneLine(s);
    if (t.length <= max)
        return t;
    const cut = t.slice(0, max - 1);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/stragglers.js

/** Environment variable that marks every process one group's `pdd sync` starts, however deep. */
const GROUP_TOKEN_ENV = 'PDD_SYNC_GROUP_TOKEN';
/**
 * Kills what a sync left running. PDD starts pytest and the example programs with `start_new_session=True`
 * (`pdd/pytest_output.py`, `pdd/sync_orchestration.py`), so killing pdd's process group does not reach them: a
 * sync stopped by its timeout left pytest running, orphaned, in the deleted worktree. They all inherit the
 * group's token in their environment; this finds them in /proc and SIGKILLs them, a few rounds in case one forked
 * meanwhile. Linux only: without /proc it finds nothing. Returns the pids killed.
 */
async function killStragglers(token, rounds = 3) {
    const needle = `${GROUP_TOKEN_ENV}=${token}\0`;
    const killed = new Set();
    for (let i = 0; i < rounds; i++) {
        const found = await marked(needle);
        if (found.length === 0)
            break;
        for (const pid of found) {
            try {
                process.kill(pid, 'SIGKILL');
                killed.add(pid);
            }
            catch {
                // Gone meanwhile.
            }
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    return [...killed];
}
/** Pids whose environment holds `needle` (a `KEY=value\0` entry). Zombies have no readable environment. */
async function marked(needle) {
    let names;
    try {
        names = await (0,promises_namespaceObject.readdir)('/proc');
    }
    catch {
        return [];
    }
    const pids = names.filter(n => /^\d+$/.test(n) && Number(n) !== process.pid);
    const hits = await Promise.all(pids.map(async (p) => {
        try {
            const environ = `\0${await (0,promises_namespaceObject.readFile)(`/proc/${p}/environ`, 'latin1')}`;
            return environ.includes(`\0${needle}`) ? Number(p) : null;
        }
        catch {
            return null;
        }
    }));
    return hits.filter((p) => p !== null);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/group.js











/**
 * Runs `pdd sync <basename>` for one group in its own worktree made from `base`: restores the recorded
 * state, runs PDD, judges each language by post-conditions (the planner must say it needs nothing), commits
 * exactly the synced units' own files and removes the worktree. Failure is data, never an exception.
 */
async function runGroup(ctx, members, base, admitted) {
    const basename = members[0]?.unit.basename ?? '';
    const scratch = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_namespaceObject.join((0,external_node_os_namespaceObject.tmpdir)(), 'pdd-sync-group-'));
    // A distinct name per group: git names each worktree's administrative folder after it.
    const dir = external_node_path_namespaceObject.join(scratch, `wt-${basename.replace(/[^A-Za-z0-9._-]/g, '_')}-${external_node_path_namespaceObject.basename(scratch)}`);
    const wt = await ctx.git.addWorktree(dir, base);
    try {
        const project = external_node_path_namespaceObject.join(dir, ctx.projectPrefix);
        for (const m of members)
            restoreState(project, m.unit, m.state);
        const tracked = new Set(await wt.trackedUnder(members.map(m => external_node_path_namespaceObject.posix.join(ctx.projectPrefix, m.unit.metaDir))));
        const costFile = external_node_path_namespaceObject.join(scratch, 'cost.csv');
        const inv = buildSyncInvocation({ ...ctx.invocation, basename, budget: admitted, costFile });
        const lines = [];
        const started = Date.now();
        const [file, ...args] = inv.argv;
        const token = (0,external_node_crypto_namespaceObject.randomUUID)();
        const run = await runPdd({
            argv: [file, ...args],
            cwd: project,
            env: { ...ctx.env, ...inv.env, [GROUP_TOKEN_ENV]: token },
            timeoutMs: ctx.timeoutMs,
            signal: ctx.signal,
            onLine: (_s, line) => lines.length < 5000 && lines.push(line),
            onHeartbeat: ms => ctx.reporter.info(`[${basename}] still running after ${Math.round(ms / 1000)} s (admitted $${admitted.toFixed(2)})`)
        }).finally(() => killStragglers(token));
        await ctx.reporter.group(`pdd sync ${basename}`, () => Promise.resolve(lines.forEach(l => ctx.reporter.info(l))));
        const parsed = parseSyncOutput(run.stdout, run.stderrTail.join('\n'));
        const cost = sumNewCost(null, readOrNull(costFile)).cost;
        const judged = await judge(ctx, project, members, parsed, run);
        const duration = Math.round((Date.now() - started) / 100) / 10;
        const synced = judged.filter(j => j.status === 'synced');
        // keep-partial: what a failed unit left is committed too, and the commit message says so.
        const kept = ctx.keepPartial ? judged.filter(j => j.status === 'failed') : [];
        const paths = [...synced, ...kept].flatMap(j => unitPaths(ctx.projectPrefix, j.unit, tracked));
        const message = commitMessage(basename, synced, kept, ctx.runId, cost);
        const commit = paths.length > 0 ? await wt.commitPaths(paths, message, ctx.identity) : null;
        const units = judged.map(j => ({
            ...j.result,
            duration,
            cost: unitCost(parsed, j.unit.language, cost, members.length),
            ...(commit && kept.includes(j) ? { partial: true } : {})
        }));
        return { units, cost, commit, base };
    }
    finally {
        await ctx.git.removeWorktree(dir);
        (0,external_node_fs_namespaceObject.rmSync)(scratch, { recursive: true, force: true });
    }
}
/** Post-conditions: PDD's exit code is not a success signal (pdd-cli.md §0); the planner's verdict is. */
async function judge(ctx, project, members, parsed, run) {
    const ids = members.map(m => m.unit.id);
    const after = await planRepository({
        ...ctx.planOptions,
        repoRoot: project,
        notesRef: null,
        remote: null,
        scope: { trigger: 'workflow_dispatch', units: ids }
    }, {
        info: () => undefined,
        notice: () => undefined,
        warning: () => undefined,
        error: () => undefined,
        group: (_n, f) => f()
    });
    return members.map(({ unit }) => {
        const view = languageView(parsed, unit.language);
        const planned = after.plan.units.find(u => u.id === unit.id);
        const st = after.units.get(unit.id)?.state;
        const inSync = planned !== undefined &&
            (planned.operation === 'nothing' || planned.operation === 'all_synced') &&
            st?.source === 'repository';
        const ok = inSync && run.code === 0 && !run.timedOut && !run.cancelled;
        const reason = ok
            ? `in sync after ${operationsRun(view.phases).join(', ') || 'no operation'}`
            : whyFailed(run, view, planned?.operation, st?.runReport ?? null);
        return {
            unit,
            status: ok ? 'synced' : 'failed',
            result: {
                id: unit.id,
                basename: unit.basename,
                language: unit.language,
                status: ok ? 'synced' : 'failed',
                operations: operationsRun(view.phases),
                cost: null,
                reason,
                fingerprint: st?.fingerprint ?? null,
                runReport: st?.runReport ?? null
            }
        };
    });
}
function whyFailed(run, view, next, report) {
    if (run.timedOut)
        return 'timed out: pdd was stopped (timeout-minutes-per-unit)';
    if (run.cancelled)
        return 'cancelled: the run was stopped';
    const pdd = failureReason(view, report);
    if (run.code !== 0)
        return `pdd exited ${String(run.code)}: ${pdd}`;
    if (view.overall === 'Success' && next)
        return `PDD reported success, but the unit still needs ${next}`;
    return pdd;
}
/** Writes the recorded fingerprint and run report where PDD reads them, unless the repository has its own. */
function restoreState(project, unit, state) {
    if (state.source !== 'notes' || !state.fingerprint)
        return;
    const meta = external_node_path_namespaceObject.join(project, unit.metaDir);
    (0,external_node_fs_namespaceObject.mkdirSync)(meta, { recursive: true });
    (0,external_node_fs_namespaceObject.writeFileSync)(external_node_path_namespaceObject.join(meta, `${metaStem(unit)}.json`), JSON.stringify(state.fingerprint, null, 2));
    if (state.runReport)
        (0,external_node_fs_namespaceObject.writeFileSync)(external_node_path_namespaceObject.join(meta, `${metaStem(unit)}_run.json`), JSON.stringify(state.runReport, null, 2));
}
/** A unit's own files: prompt, code, example, tests; `.pdd/meta` only where the repository tracks it. */
function unitPaths(prefix, unit, trackedMeta) {
    const p = unit.paths;
    const own = [p.prompt, p.code, p.example, p.test, ...unit.testFiles].filter(x => x !== '');
    const meta = [`${unit.metaDir}/${metaStem(unit)}.json`, `${unit.metaDir}/${metaStem(unit)}_run.json`];
    const metaDir = external_node_path_namespaceObject.posix.join(prefix, unit.metaDir);
    return [...own, ...(trackedMeta.has(metaDir) ? meta : [])].map(f => external_node_path_namespaceObject.posix.join(prefix, f));
}
function commitMessage(basename, synced, kept, runId, cost) {
    const all = [...synced, ...kept];
    const langs = all.map(j => j.unit.language).join(', ');
    const ops = [...new Set(all.flatMap(j => j.result.operations))].join(', ') || 'sync';
    const costLine = cost === null ? 'unknown' : `$${cost.toFixed(4)}`;
    const partial = kept
        .map(j => `PARTIAL (failed, kept by keep-partial): ${j.unit.id}: ${j.result.reason}\n`)
        .join('');
    const subject = `pdd-sync: ${basename} (${langs}): ${ops}${synced.length === 0 ? ' [partial]' : ''}`;
    return `${subject}\n\n${partial}${partial ? '\n' : ''}PDD-Sync-Run: ${runId}\nPDD-Sync-Cost: ${costLine}\n`;
}
/** PDD prints a cost per language in its table; otherwise the group's cost is split evenly. */
function unitCost(parsed, language, groupCost, n) {
    const row = parsed.languages.find(r => r.language.toLowerCase() === language.toLowerCase());
    if (row?.cost !== null && row?.cost !== undefined)
        return row.cost;
    return groupCost === null ? null : Math.round((groupCost / Math.max(1, n)) * 1e6) / 1e6;
}
function readOrNull(file) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/schedule.js
/**
 * Runs groups in dependency and priority order, at most `concurrency` at once, each admitted by the ledger
 * before it starts. A group whose dependency did not succeed is skipped; a group that does not fit is skipped
 * (after waiting for running groups when their unspent reservations would make it fit).
 */
async function schedule(opts) {
    const results = new Map();
    const known = new Set(opts.groups.map(g => g.id));
    const pending = [...opts.groups];
    const running = new Map();
    let stopped = null;
    const ignoreDeps = new Set();
    const finish = (s) => {
        results.set(s.group.id, s);
    };
    while (pending.length > 0 || running.size > 0) {
        let progressed = false;
        for (let i = 0; i < pending.length && running.size < Math.max(1, opts.concurrency); i++) {
            const g = pending[i];
            const deps = ignoreDeps.has(g.id) ? [] : g.dependsOn.filter(d => known.has(d) && d !== g.id);
            const failedDep = deps.find(d => results.has(d) && !succeeded(results.get(d), g.needs));
            if (failedDep) {
                finish({
                    group: g,
                    ran: false,
                    notRun: { kind: 'skipped-dependency', reason: `depends on ${failedDep}, which did not sync` }
                });
            }
            else if (deps.some(d => !results.has(d))) {
                continue;
            }
            else if (opts.signal?.aborted) {
                finish({
                    group: g,
                    ran: false,
                    notRun: { kind: 'skipped-budget', reason: 'the run was cancelled before it started' }
                });
            }
            else if (stopped !== null) {
                finish({ group: g, ran: false, notRun: { kind: 'skipped-budget', reason: stopped } });
            }
            else {
                const admission = opts.ledger.admit(g.id, g.estimate);
                if (!admission) {
                    if (running.size > 0 && opts.ledger.couldFit(g.estimate))
                        break; // wait for reservations to come back
                    const reason = `estimated $${g.estimate.toFixed(2)} exceeds the $${opts.ledger.available.toFixed(2)} left of the budget`;
                    finish({ group: g, ran: false, notRun: { kind: 'skipped-budget', reason } });
                    if (opts.policy === 'ordered')
                        stopped = `not started: an earlier group did not fit the budget (${reason})`;
                }
                else {
                    running.set(g.id, start(g, admission));
                }
            }
            pending.splice(i--, 1);
            progressed = true;
        }
        if (!progressed && running.size === 0 && pending.length > 0) {
            // Only groups waiting on each other remain (a cycle): run them in order, dependencies ignored.
            ignoreDeps.add(pending[0].id);
            continue;
        }
        if (running.size > 0 && !progressed)
            await Promise.race(running.values());
    }
    return opts.groups.map(g => results.get(g.id));
    function start(g, admission) {
        return opts
            .run(g, admission)
            .catch((e) => ({ ok: false, cost: null, error: e }))
            .then(outcome => {
            opts.ledger.book(g.id, outcome.cost);
            finish({ group: g, ran: true, admission, outcome });
            running.delete(g.id);
        });
    }
}
function succeeded(s, needs) {
    if (s === undefined || !s.ran)
        return false;
    const needed = needs?.filter(u => s.group.units.includes(u)) ?? [];
    if (needed.length === 0)
        return s.outcome.ok;
    const synced = s.outcome.synced ?? (s.outcome.ok ? s.group.units : []);
    return needed.every(u => synced.includes(u));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/execute.js









/** The bot identity of design.md / issue 4. */
const BOT = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com'
};
/**
 * Step 5 of design.md: every group with work runs in its own worktree, admitted by the budget ledger, in
 * dependency order; the commits of synced groups are replayed onto the bot branch one at a time.
 */
async function executePlan(o) {
    const ledger = new BudgetLedger(o.budget);
    const ref = `refs/heads/${o.branch}`;
    await o.git.updateRef(ref, o.base, await o.git.commitOf(ref));
    let head = o.base;
    let replaying = Promise.resolve();
    const ctx = {
        git: o.git,
        projectPrefix: external_node_path_namespaceObject.relative(o.git.root, await (0,promises_namespaceObject.realpath)(o.planOptions.repoRoot))
            .split(external_node_path_namespaceObject.sep)
            .join('/'),
        invocation: o.invocation,
        planOptions: o.planOptions,
        timeoutMs: o.timeoutMs,
        identity: o.identity ?? BOT,
        reporter: o.reporter,
        signal: o.signal,
        runId: o.runId ?? (0,external_node_crypto_namespaceObject.randomUUID)(),
        env: o.env ?? process.env,
        keepPartial: o.keepPartial ?? false
    };
    const { groups, members } = groupsOf(o.planned);
    if (o.planOptions.scope.trigger === 'schedule')
        prioritiseStalest(groups, o.planned);
    const runs = new Map();
    const scheduled = await schedule({
        groups,
        ledger,
        concurrency: o.concurrency,
        policy: o.policy,
        signal: o.signal,
        run: async (g, admission) => {
            const run = await runGroup(ctx, members.get(g.id) ?? [], head, admission.amount).catch((e) => infrastructureFailure(o.planned, g, head, e));
            // Replays are serialised: each lands on the head the previous one left.
            const landed = (replaying = replaying.then(async () => {
                head = await land(o.git, ref, run, head, ctx.identity);
            }));
            await landed;
            runs.set(g.id, run);
            const synced = run.units.filter(u => u.status === 'synced').map(u => u.id);
            return { ok: synced.length === run.units.length, synced, cost: run.cost };
        }
    });
    const units = [];
    for (const s of scheduled) {
        const run = runs.get(s.group.id);
        if (run)
            units.push(...run.units);
        else if (!s.ran)
            units.push(...notRun(o.planned, s.group, s.notRun.kind, s.notRun.reason));
    }
    units.push(...untouched(o.planned));
    return {
        budget: o.budget,
        spent: ledger.spent,
        units,
        branch: o.branch,
        head,
        baseSha: o.base,
        overshoot: dollars(ledger.history.reduce((a, b) => a + b.overshoot, 0)),
        cancelled: o.signal?.aborted ?? false
    };
}
/** Moves the bot branch to include a group's commit; a replay conflict fails the group's synced units. */
async function land(git, ref, run, head, who) {
    if (!run.commit)
        return head;
    let next = run.commit;
    if (run.base !== head)
        next = await replayWithoutWorktree(git, run.commit, head, who);
    if (next === undefined) {
        const scratch = await git.addWorktree(external_node_path_namespaceObject.join((0,external_node_os_namespaceObject.tmpdir)(), `pdd-sync-replay-${(0,external_node_crypto_namespaceObject.randomUUID)()}`), head);
        try {
            next = await scratch.replay(run.commit, head, who);
        }
        finally {
            await git.removeWorktree(scratch.root);
        }
    }
    if (!next) {
        for (const u of run.units) {
            if (u.status === 'synced')
                Object.assign(u, {
                    status: 'conflict',
                    reason: 'replay conflict: another group changed the same files'
                });
        }
        return head;
    }
    await git.updateRef(ref, next, head);
    for (const u of run.units)
        if (u.status === 'synced' || u.partial)
            u.commit = next;
    return next;
}
/** A group whose run broke outside PDD (git, the file system): every unit failed, with the error as reason. */
function infrastructureFailure(p, g, base, e) {
    const reason = `could not run the group: ${e.message ?? String(e)}`.split('\n')[0] ?? '';
    return {
        units: notRun(p, g, 'failed', reason).map(u => ({ ...u, cost: null })),
        cost: null,
        commit: null,
        base
    };
}
/** Groups (one per basename) of the units that have work, in plan order, with group-level dependencies. */
function groupsOf(p) {
    const groups = new Map();
    const members = new Map();
    for (const u of p.plan.units) {
        if (NO_WORK.has(u.operation) || u.operation === 'fail_and_request_manual_merge')
            continue;
        const g = groups.get(u.basename) ?? { id: u.basename, units: [], dependsOn: [], estimate: 0 };
        g.units.push(u.id);
        g.estimate = dollars(g.estimate + u.estimatedCost);
        for (const d of u.dependsOn) {
            // Only a dependency that has work can hold this group back; one in sync already is satisfied.
            const dep = p.plan.units.find(x => x.id === d);
            if (!dep || NO_WORK.has(dep.operation) || dep.basename === u.basename)
                continue;
            if (!g.dependsOn.includes(dep.basename))
                g.dependsOn.push(dep.basename);
            g.needs = [...(g.needs ?? []), d];
        }
        groups.set(u.basename, g);
        const entry = p.units.get(u.id);
        if (entry)
            members.set(u.basename, [...(members.get(u.basename) ?? []), entry]);
    }
    return { groups: [...groups.values()], members };
}
/**
 * On a schedule, the groups whose last successful sync is oldest go first (never synced: first of all), so a
 * budget that runs out leaves the most recently synced units waiting. Dependency order still applies on top.
 */
function prioritiseStalest(groups, p) {
    const lastSynced = (id) => p.history.forUnit(id).find(e => e.unit.status === 'synced')?.createdAt ?? '';
    const key = new Map(groups.map(g => [g.id, g.units.map(lastSynced).sort()[0] ?? '']));
    groups.sort((a, b) => (key.get(a.id) ?? '') < (key.get(b.id) ?? '') ? -1 : (key.get(a.id) ?? '') > (key.get(b.id) ?? '') ? 1 : 0);
}
/** Results of the units of a group that did not run. */
function notRun(p, g, status, reason) {
    return g.units.map(id => {
        const u = p.plan.units.find(x => x.id === id);
        return { id, basename: g.id, language: u?.language ?? '', status, operations: [], cost: 0, reason };
    });
}
/** Units the plan found in sync (unchanged) or in conflict (a prompt edited together with derived files). */
function untouched(p) {
    return p.plan.units
        .filter(u => NO_WORK.has(u.operation) || u.operation === 'fail_and_request_manual_merge')
        .map(u => ({
        id: u.id,
        basename: u.basename,
        language: u.language,
        status: NO_WORK.has(u.operation) ? 'unchanged' : 'conflict',
        operations: [],
        cost: 0,
        reason: NO_WORK.has(u.operation) ? u.reason : `Manual merge required: ${u.reason}`
    }));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/plan/render.js
/** Dollars as PDD prints them in the plan: `$0.4200`. */
function money(x) {
    return `$${x.toFixed(4)}`;
}
/** The plan as a plain-text table for a terminal. */
function renderPlanTable(plan) {
    const header = ['UNIT', 'LANGUAGE', 'OPERATION', 'ESTIMATE', 'REASON'];
    const rows = plan.units.map(u => [u.id, u.language, u.operation, money(u.estimatedCost), u.reason]);
    const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map(r => (r[i] ?? '').length))));
    const line = (cells) => cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    const out = [line(header), ...rows.map(line)];
    const work = plan.units.filter(u => u.operation !== 'nothing' && u.operation !== 'all_synced').length;
    out.push('');
    out.push(`${plan.units.length} unit(s) planned, ${work} with work; estimated cost ${money(plan.estimatedCost)}` +
        ` (scope: ${plan.scope.mode}, trigger: ${plan.scope.trigger}).`);
    for (const s of plan.skipped)
        out.push(`skipped ${s.path}: ${s.reason}`);
    for (const p of plan.problems)
        out.push(`problem ${p.file}: ${p.message}`);
    for (const c of plan.cycles)
        out.push(`cycle: ${c.join(' -> ')}`);
    return out.join('\n');
}
/** Escapes text for a Markdown table cell. */
function mdCell(s) {
    return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
/** The plan as a Markdown job summary (kept well under the 1 MiB summary limit). */
function renderPlanMarkdown(plan, opts = {}) {
    const maxRows = opts.maxRows ?? 1000;
    const out = ['## pdd-sync plan', ''];
    const work = plan.units.filter(u => u.operation !== 'nothing' && u.operation !== 'all_synced');
    out.push(`**${plan.units.length}** unit(s) in scope (${plan.scope.mode}, trigger \`${plan.scope.trigger}\`), ` +
        `**${work.length}** with work, estimated cost **${money(plan.estimatedCost)}**` +
        (opts.budget !== undefined ? ` of a ${money(opts.budget)} budget` : '') +
        '.');
    if (opts.budget !== undefined && plan.estimatedCost > opts.budget) {
        out.push('', `> The estimate exceeds the budget: some units will be skipped for budget.`);
    }
    if (plan.scope.notice)
        out.push('', `> ${mdCell(plan.scope.notice)}`);
    out.push('', '| Unit | Language | Operation | Reason | Estimate |', '| --- | --- | --- | --- | ---: |');
    const shown = plan.units.slice(0, maxRows);
    for (const u of shown) {
        out.push(`| ${mdCell(u.id)} | ${u.language} | \`${u.operation}\` | ${mdCell(u.reason)} | ${money(u.estimatedCost)} |`);
    }
    if (plan.units.length > shown.length)
        out.push('', `… and ${plan.units.length - shown.length} more unit(s); see the plan file.`);
    if (opts.shards && opts.shards.length > 0) {
        out.push('', `Matrix: ${opts.shards.length} shard(s): ` +
            opts.shards.map(s => `${s.units.length} unit(s)`).join(', ') +
            '.');
    }
    const notes = [
        ...plan.skipped.map(s => `Skipped \`${mdCell(s.path)}\`: ${mdCell(s.reason)}`),
        ...plan.problems.map(p => `Problem in \`${mdCell(p.file)}\`: ${mdCell(p.message)}`),
        ...plan.cycles.map(c => `Dependency cycle: ${c.map(mdCell).join(' → ')}`)
    ];
    if (notes.length > 0)
        out.push('', ...notes.map(n => `- ${n}`));
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./build/tmp/js/src/cli-run.js










/** Help text of `pdd-sync run`. */
const RUN_USAGE = `Usage: pdd-sync run [options]

Plans, then runs the real 'pdd --force sync <basename>' for every group with work, each in its own git worktree,
within one budget; commits what synced to a local bot branch. Planning options as for 'pdd-sync plan', and:
  --budget DOLLARS            budget of this run (default 5)
  --concurrency N             groups synced at once (default 2)
  --budget-policy fit|ordered fit: skip a group that does not fit and go on with smaller ones; ordered: stop at it
  --timeout-minutes-per-unit N   time limit of one group's sync (default 30)
  --max-attempts N            pdd sync --max-attempts (default 3)
  --strength S, --temperature T  pdd --strength / --temperature
  --pdd-command CMD           the pdd executable, words split on spaces (default: pdd)
  --cloud                     use PDD Cloud (PDD_JWT_TOKEN) instead of --local
  --agentic-fallback          let PDD run agent CLIs when fix/crash/verify fail (spend outside the budget)
  --keep-partial              commit what a failed unit left, marked as partial (default: discard it)
  --branch NAME               local bot branch (default pdd-sync/<current branch>)
  --result FILE               write the RunResult JSON to FILE
  --json                      print the RunResult JSON instead of a table`;
/** `pdd-sync run`; returns the exit code (1 when every unit with work failed). */
async function runCommand(args) {
    const { values } = (0,external_node_util_namespaceObject.parseArgs)({
        args,
        options: {
            ...PLAN_OPTIONS,
            budget: { type: 'string' },
            concurrency: { type: 'string' },
            'budget-policy': { type: 'string' },
            'timeout-minutes-per-unit': { type: 'string' },
            'max-attempts': { type: 'string' },
            strength: { type: 'string' },
            temperature: { type: 'string' },
            'pdd-command': { type: 'string' },
            cloud: { type: 'boolean' },
            'agentic-fallback': { type: 'boolean' },
            'keep-partial': { type: 'boolean' },
            branch: { type: 'string' },
            result: { type: 'string' }
        },
        strict: true
    });
    if (values.help) {
        process.stdout.write(RUN_USAGE + '\n');
        return 0;
    }
    const policy = values['budget-policy'] ?? 'fit';
    if (policy !== 'fit' && policy !== 'ordered')
        throw new UsageError(`--budget-policy must be fit or ordered; got "${policy}".`);
    const budget = optionalNumber('--budget', values.budget, 0, 1e6) ?? 5;
    const command = (values['pdd-command'] ?? 'pdd').split(/\s+/).filter(Boolean);
    const reporter = new ConsoleReporter();
    const planOptions = planOptionsFrom(values);
    const planned = await planRepository(planOptions, reporter);
    const hasWork = planned.plan.units.some(u => !NO_WORK.has(u.operation) && u.operation !== 'fail_and_request_manual_merge');
    const git = await Git.open(planOptions.repoRoot);
    const base = (await git.commitOf('HEAD')) ?? '';
    const branch = values.branch ?? `pdd-sync/${(await git.currentBranch()) ?? 'detached'}`;
    let version;
    if (hasWork) {
        version = await pddVersion(command, process.env);
        reporter.info(`Using pdd ${version} (${command.join(' ')}).`);
    }
    const abort = new AbortController();
    const stop = () => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
        const result = await executePlan({
            git,
            planned,
            planOptions,
            branch,
            base,
            budget,
            concurrency: optionalNumber('--concurrency', values.concurrency, 1, 64) ?? 2,
            policy,
            timeoutMs: (optionalNumber('--timeout-minutes-per-unit', values['timeout-minutes-per-unit'], 0.01, 360) ?? 30) *
                60_000,
            invocation: {
                command,
                maxAttempts: optionalNumber('--max-attempts', values['max-attempts'], 0, 100) ?? 3,
                local: !values.cloud,
                context: values.context,
                strength: optionalNumber('--strength', values.strength, 0, 1),
                temperature: optionalNumber('--temperature', values.temperature, 0, 2),
                skipTests: planOptions.skipTests,
                skipVerify: planOptions.skipVerify,
                targetCoverage: planOptions.targetCoverage,
                agenticFallback: values['agentic-fallback'] ?? false
            },
            reporter,
            signal: abort.signal,
            keepPartial: values['keep-partial'] ?? false
        });
        if (version)
            result.pddVersion = version;
        const json = JSON.stringify(result, null, 2);
        if (values.result)
            await (0,promises_namespaceObject.writeFile)(values.result, json + '\n');
        process.stdout.write((values.json ? json : renderResult(result)) + '\n');
        const worked = result.units.filter(u => u.status !== 'unchanged');
        return worked.length > 0 && worked.every(u => u.status === 'failed') ? 1 : 0;
    }
    finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
    }
}
function renderResult(r) {
    const lines = r.units.map(u => `${u.status.padEnd(18)} ${u.id.padEnd(32)} ${(u.operations.join(', ') || '-').padEnd(36)} ${u.cost === null ? 'cost unknown' : money(u.cost)}  ${u.reason}`);
    lines.push('', `Spent ${money(r.spent)} of ${money(r.budget)}; bot branch ${r.branch ?? '-'} at ${r.head?.slice(0, 12) ?? '-'}.`);
    if (r.overshoot)
        lines.push(`Overshoot: PDD spent ${money(r.overshoot)} beyond what was admitted.`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./build/tmp/js/src/cli-main.js









const PLAN_USAGE = `Usage: pdd-sync plan [options]

Plans a PDD sync: which operation every unit needs next, in dependency order, with cost estimates.
Starts no pdd process and calls no LLM.

Options:
  --repo DIR              PDD project directory (default: current directory)
  --json                  print the Plan JSON instead of a table
  --output FILE           also write the Plan JSON to FILE
  --context NAME          force a .pddrc context
  --no-force              decide as a plain 'pdd sync' (default: as 'pdd --force sync', what the action runs)
  --skip-tests            decide as 'pdd sync --skip-tests'
  --skip-verify           decide as 'pdd sync --skip-verify'
  --target-coverage N     decide as 'pdd sync --target-coverage N'
  --trigger NAME          push | workflow_dispatch | schedule (default: schedule = all units)
  --before SHA --after SHA   with --trigger push: units whose files changed between the two commits
  --units GLOBS           with --trigger workflow_dispatch: comma-separated unit globs
  --notes-ref REF         run records ref (default refs/notes/pdd-sync); --no-notes to ignore history
  --remote NAME           remote to fetch the notes ref from (default origin); --no-fetch for local notes
  --max-shards N          with --json: add a "matrix" of at most N shards (default 1)
  -h, --help              this text`;
const USAGE = `Usage: pdd-sync <plan|run> [options]   ('pdd-sync plan --help', 'pdd-sync run --help')

${PLAN_USAGE}`;
/** Entry point of the `pdd-sync` command; returns the exit code. */
async function cli(argv) {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help') {
        process.stdout.write(USAGE + '\n');
        return command ? 0 : 2;
    }
    if (command === 'run')
        return runCommand(rest);
    if (command !== 'plan') {
        process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n${RUN_USAGE}\n`);
        return 2;
    }
    return planCommand(rest);
}
async function planCommand(args) {
    const { values } = (0,external_node_util_namespaceObject.parseArgs)({
        args,
        options: { ...PLAN_OPTIONS, output: { type: 'string' }, 'max-shards': { type: 'string' } },
        strict: true
    });
    if (values.help) {
        process.stdout.write(PLAN_USAGE + '\n');
        return 0;
    }
    const maxShards = optionalNumber('--max-shards', values['max-shards'], 1, 256) ?? 1;
    const plan = await buildPlan(planOptionsFrom(values), new ConsoleReporter());
    const withMatrix = values['max-shards']
        ? { ...plan, matrix: { include: makeShards(plan.units, maxShards) } }
        : plan;
    const json = JSON.stringify(withMatrix, null, 2);
    if (values.output)
        await (0,promises_namespaceObject.writeFile)(values.output, json + '\n');
    process.stdout.write((values.json ? json : renderPlanTable(plan)) + '\n');
    return 0;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/cli.js

cli(process.argv.slice(2)).then(code => {
    process.exitCode = code;
}, (e) => {
    const err = e;
    const usage = err instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`pdd-sync: ${err.message}\n`);
    process.exitCode = usage ? 2 : 1;
});

