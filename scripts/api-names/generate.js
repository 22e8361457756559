#!/usr/bin/env node
// Regenerates src/main/resources/dev/minisim/api/namespaces.json: every name the clients put on
// `wx` and `my`, with its kind, read from the platforms' published typings (pinned in
// package.json) through the TypeScript compiler's type checker, so merged interfaces
// (wx.cloud is declared in lib.wx.cloud.d.ts) and nested namespaces (my.ap) count.
//
//   cd scripts/api-names && npm ci && node generate.js
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

// Names the clients have that these typings lack, each with the reason it is kept. Every other
// name MiniSim implements on one namespace only (wx.alert, my.login, ...) is left off the other.
const EXTRA = {
  wx: {},
  my: {
    signContract: ['async', 'Alipay+ wallets (seeds 000/001); the typings describe Alipay China only'],
    getAuthUserInfo: ['async', 'deprecated, still in the client; SPEC lists it after an auth_user grant'],
    httpRequest: ['async', 'deprecated alias of my.request, still in the client and in older apps'],
  },
};

const OUT = path.resolve(__dirname, '../../src/main/resources/dev/minisim/api/namespaces.json');

function version(pkg) {
  return require(path.join(pkg, 'package.json')).version;
}

function program(entry) {
  const file = require.resolve(entry);
  const p = ts.createProgram([file], { noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es2020.d.ts'] });
  return p;
}

// the members of an object-valued name (wx.router, my.ap): one level, so MiniSim can give an
// object with exactly these members even where it implements none of them
function membersOf(checker, type, at) {
  const members = {};
  for (const prop of checker.getPropertiesOfType(type)) {
    members[prop.name] = kindOf(checker, checker.getTypeOfSymbolAtLocation(prop, at));
  }
  return sorted(members);
}

// "async" for a function that takes an options object with success/fail/complete callbacks,
// "sync" for any other function (it returns its result or throws), else what typeof gives
function kindOf(checker, type) {
  const signatures = type.getCallSignatures();
  if (signatures.length > 0) return signatures.some((s) => takesCallbacks(checker, s)) ? 'async' : 'sync';
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.flags & ts.TypeFlags.NumberLike) return 'number';
  if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
  if (type.isUnion()) {
    const kinds = new Set(type.types.map((t) => kindOf(checker, t)));
    if (kinds.size === 1) return [...kinds][0];
  }
  return 'object';
}

function takesCallbacks(checker, signature) {
  const first = signature.getParameters()[0];
  if (!first || !first.valueDeclaration) return false;
  const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(first, first.valueDeclaration));
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => ['success', 'fail', 'complete'].some((k) => checker.getPropertyOfType(t, k)));
}

function sorted(map) {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// wx: `declare let wx: WechatMiniprogram.Wx`; the names are the properties of that type
function wxNames() {
  const p = program('miniprogram-api-typings/types/index.d.ts');
  const checker = p.getTypeChecker();
  const decl = p.getSourceFiles()
    .flatMap((sf) => sf.statements)
    .filter(ts.isVariableStatement)
    .flatMap((s) => s.declarationList.declarations)
    .find((d) => d.name.getText() === 'wx');
  if (!decl) throw new Error('miniprogram-api-typings: no `declare let wx` found');
  const type = checker.getTypeAtLocation(decl.name);
  const names = {};
  const members = {};
  for (const prop of checker.getPropertiesOfType(type)) {
    const t = checker.getTypeOfSymbolAtLocation(prop, decl);
    names[prop.name] = kindOf(checker, t);
    if (names[prop.name] === 'object') members[prop.name] = membersOf(checker, t, decl);
  }
  return { names, members };
}

// my: `declare namespace my { export function ...; export const SDKVersion: string; }` spread
// over several files, plus nested namespaces (my.ap, my.cloud) that are objects at run time
function myNames() {
  const p = program('@mini-types/my/types/index.d.ts');
  const checker = p.getTypeChecker();
  const decl = p.getSourceFiles()
    .flatMap((sf) => sf.statements)
    .find((s) => ts.isModuleDeclaration(s) && s.name.getText() === 'my');
  if (!decl) throw new Error('@mini-types/my: no `declare namespace my` found');
  const sym = checker.getSymbolAtLocation(decl.name);
  const names = {};
  const members = {};
  for (const member of checker.getExportsOfModule(sym)) {
    if (!(member.flags & ts.SymbolFlags.Value)) continue;   // interfaces and types are not on `my`
    if (member.flags & ts.SymbolFlags.ConstEnum) continue;  // erased at compile time
    const t = checker.getTypeOfSymbolAtLocation(member, decl);
    names[member.name] = member.flags & ts.SymbolFlags.ValueModule ? 'object' : kindOf(checker, t);
    if (names[member.name] === 'object') members[member.name] = membersOf(checker, t, decl);
  }
  return { names, members };
}

function entry(ns, source, found) {
  const extra = {};
  for (const [name, [kind, why]] of Object.entries(EXTRA[ns])) {
    if (name in found.names) throw new Error(ns + '.' + name + ' is in the typings now: drop it from EXTRA');
    found.names[name] = kind;
    extra[name] = why;
  }
  return { source, names: sorted(found.names), members: sorted(found.members), extra };
}

const data = {
  comment: 'Generated by scripts/api-names/generate.js from the typings named in "source" (plus "extra": names '
    + 'the clients have that the typings lack, with the reason); do not edit by hand. Kinds: "async" a function '
    + 'taking success/fail/complete, "sync" any other function, else the typeof of the value; "members": the '
    + 'names of an object-valued name.',
  wx: entry('wx', 'miniprogram-api-typings@' + version('miniprogram-api-typings'), wxNames()),
  my: entry('my', '@mini-types/my@' + version('@mini-types/my'), myNames()),
};
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(data, null, 1) + '\n');
for (const ns of ['wx', 'my']) {
  const kinds = {};
  for (const k of Object.values(data[ns].names)) kinds[k] = (kinds[k] || 0) + 1;
  console.log(ns, data[ns].source, JSON.stringify(kinds));
}
