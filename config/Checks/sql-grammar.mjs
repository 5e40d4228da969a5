#!/usr/bin/env node
// Parses SQL texts with the engines' own grammars (dt-sql-parser's SparkSQL and TrinoSQL, built from Spark's and
// Trino's ANTLR grammars) and reports, per text, what the C# checks need: syntax errors with the tokens around them,
// the functions called, backquoted identifiers, the tables read with their aliases, and the operand expressions of
// AVG, ROUND and '/' as small trees.
//
// usage: node sql-grammar.mjs <request.json> <node_modules folder>
//   request:  { "statements": [ { "dialect": "spark" | "trino", "sql": "..." } ] }
//   response: { "statements": [ { "errors": [...], "functions": [...], "backquoted": [...], "tables": [...],
//                                 "averages": [...], "rounds": [...], "divisions": [...] } ] }
// Expressions are { kind: literal | column | cast | call | operator | negate | case | other, ... }; anything the checks
// need not type is 'other'.
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// dt-sql-parser ships ES modules with extensionless relative imports (written for bundlers), which Node's resolver
// refuses; this hook adds the '.js' or '/index.js' a bundler would.
const resolveHook = `
export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); }
  catch (error) {
    if (!specifier.startsWith('.')) throw error;
    if (error.code === 'ERR_UNSUPPORTED_DIR_IMPORT') return next(specifier + '/index.js', context);
    if (error.code === 'ERR_MODULE_NOT_FOUND') return next(specifier + '.js', context);
    throw error;
  }
}`;
register('data:text/javascript,' + encodeURIComponent(resolveHook));

const [requestFile, nodeModules] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestFile, 'utf8'));
const parserModule = pathToFileURL(join(nodeModules, 'dt-sql-parser', 'dist', 'index.js')).href;
const { SparkSQL, TrinoSQL, SparkSqlParserListener, TrinoSqlListener } = await import(parserModule);

const engines = {
  spark: { parser: new SparkSQL(), facts: sparkFacts },
  trino: { parser: new TrinoSQL(), facts: trinoFacts },
};

// Generated configurations repeat the same SQL in many datasets; each distinct text is parsed once.
const results = new Map();
const statements = request.statements.map(({ dialect, sql }) => {
  const key = dialect + '\0' + sql;
  if (!results.has(key)) {
    results.set(key, check(engines[dialect], sql));
  }
  return results.get(key);
});
process.stdout.write(JSON.stringify({ statements }));

function check({ parser, facts }, sql) {
  const errors = [];
  const tree = parser.parse(sql, error => errors.push(error));
  if (errors.length > 0) {
    return { errors: errors.map(error => describeError(parser, sql, error)) };
  }
  return { errors: [], ...facts(parser, sql, tree) };
}
function describeError(parser, sql, error) {
  const tokens = parser.getAllTokens(sql).filter(t => t.channel === 0);
  const at = tokens.findIndex(t => t.line > error.startLine || (t.line === error.startLine && t.column >= error.startColumn - 1));
  const index = at < 0 ? tokens.length : at;
  return {
    line: error.startLine,
    message: error.message,
    token: tokens[index]?.text ?? '',
    before: tokens.slice(Math.max(0, index - 2), index).map(t => t.text),
    after: tokens[index + 1]?.text ?? '',
  };
}

function position(ctx) {
  return ctx.start.line;
}

function source(sql, ctx) {
  return sql.substring(ctx.start.start, ctx.stop.stop + 1);
}

function unquote(text) {
  const first = text[0];
  return (first === '`' || first === '"') && text.endsWith(first) ? text.slice(1, -1) : text;
}

// ---------- Spark SQL (derived tables) ----------

function sparkFacts(parser, sql, tree) {
  const facts = { functions: [], backquoted: [], tables: [], averages: [], rounds: [], divisions: [] };
  const listener = new SparkSqlParserListener();
  listener.enterPrimaryExpression = ctx => {
    const name = ctx.functionName();
    if (!name) {
      return;
    }
    const call = { name: unquote(name.getText()), line: position(ctx) };
    facts.functions.push(call);
    const args = ctx.functionArgument().map(a => (a.expression() ? sparkExpression(a.expression()) : { kind: 'other' }));
    const lower = call.name.toLowerCase();
    if (lower === 'round' || lower === 'bround') {
      facts.rounds.push({ line: call.line, text: source(sql, ctx), argument: args[0] ?? { kind: 'other' } });
    }
  };
  // A table with an alias is a tableSource holding the tableName; without one, the relation holds it directly.
  listener.enterTableName = ctx => {
    const alias = ctx.parent?.constructor.name === 'TableSourceContext' ? sparkAlias(ctx.parent.tableAlias()) : null;
    facts.tables.push({ parts: ctx.tableIdentifier().errorCapturingIdentifier().map(i => unquote(i.getText())), alias });
  };
  parser.listen(listener, tree);
  return facts;
}

function sparkAlias(alias) {
  const identifier = alias?.strictIdentifier();
  return identifier ? unquote(identifier.getText()) : null;
}

function sparkExpression(ctx) {
  const kind = ctx.constructor.name;
  if (kind === 'ValueExpressionContext') {
    if (ctx.primaryExpression()) {
      return sparkPrimary(ctx.primaryExpression());
    }
    const operands = ctx.valueExpression();
    if (operands.length === 2 && ctx._operator) {
      return { kind: 'operator', operator: ctx._operator.text.toLowerCase(), left: sparkExpression(operands[0]), right: sparkExpression(operands[1]) };
    }
    if (operands.length === 1 && ctx.MINUS()) {
      return { kind: 'negate', operand: sparkExpression(operands[0]) };
    }
    return { kind: 'other' };
  }
  return onlyChild(ctx, sparkExpression);
}

function sparkPrimary(ctx) {
  if (ctx.constant()) {
    return sparkConstant(ctx.constant());
  }
  if ((ctx.KW_CAST() || ctx.KW_TRY_CAST()) && ctx.dataType()) {
    return { kind: 'cast', type: ctx.dataType().getText().toLowerCase(), operand: sparkExpression(ctx.expression(0)) };
  }
  if (ctx.KW_CASE()) {
    const results = ctx.whenClause().map(w => sparkExpression(w._result));
    if (ctx._elseExpression) {
      results.push(sparkExpression(ctx._elseExpression));
    }
    return { kind: 'case', results };
  }
  if (ctx.functionName()) {
    return {
      kind: 'call',
      name: unquote(ctx.functionName().getText()).toLowerCase(),
      arguments: ctx.functionArgument().map(a => (a.expression() ? sparkExpression(a.expression()) : { kind: 'other' })),
    };
  }
  if (ctx.columnNamePath()) {
    return { kind: 'column', parts: ctx.columnNamePath().multipartIdentifier().errorCapturingIdentifier().map(i => unquote(i.getText())) };
  }
  if (ctx._base && ctx._fieldName) {
    const base = sparkPrimary(ctx._base);
    return base.kind === 'column' ? { kind: 'column', parts: [...base.parts, unquote(ctx._fieldName.getText())] } : { kind: 'other' };
  }
  if (ctx.LEFT_PAREN().length === 1 && ctx.expression().length === 1 && ctx.children.length === 3) {
    return sparkExpression(ctx.expression(0));
  }
  return { kind: 'other' };
}

function sparkConstant(ctx) {
  if (ctx.KW_NULL()) {
    return { kind: 'literal', type: 'null', text: 'NULL' };
  }
  if (ctx.booleanValue()) {
    return { kind: 'literal', type: 'boolean', text: ctx.getText() };
  }
  if (ctx.stringLit().length > 0 && !ctx.literalType()) {
    return { kind: 'literal', type: 'string', text: ctx.getText() };
  }
  const number = ctx.number();
  if (!number) {
    return { kind: 'other' };
  }
  const type = number.DECIMAL_VALUE() || number.BIGDECIMAL_LITERAL() ? 'decimal'
    : number.INTEGER_VALUE() || number.BIGINT_LITERAL() || number.SMALLINT_LITERAL() || number.TINYINT_LITERAL() ? 'integer'
      : 'double';
  return { kind: 'literal', type, text: number.getText() };
}

// ---------- Trino (saved queries on Athena engine version 3) ----------

function trinoFacts(parser, sql, tree) {
  const facts = { functions: [], backquoted: [], tables: [], averages: [], rounds: [], divisions: [] };
  const listener = new TrinoSqlListener();
  listener.enterFunctionCall = ctx => {
    const call = { name: trinoFunctionName(ctx), line: position(ctx) };
    facts.functions.push(call);
    if (call.name.toLowerCase() === 'avg') {
      facts.averages.push({ line: call.line, text: source(sql, ctx), argument: ctx.expression(0) ? trinoExpression(ctx.expression(0)) : { kind: 'other' } });
    }
  };
  listener.enterArithmeticBinary = ctx => {
    if (ctx._operator?.text === '/') {
      facts.divisions.push({ line: ctx._operator.line, text: source(sql, ctx), left: trinoExpression(ctx._left), right: trinoExpression(ctx._right) });
    }
  };
  listener.enterBackQuotedIdentifier = ctx => {
    facts.backquoted.push({ line: position(ctx), text: ctx.getText() });
  };
  listener.enterAliasedRelation = ctx => {
    const primary = ctx.relationPrimary();
    if (primary.constructor.name === 'TableNameContext') {
      const alias = ctx.identifier();
      const table = primary.tableOrViewName().tableRef() ?? primary.tableOrViewName().viewRef();
      facts.tables.push({ parts: table.identifier().map(i => unquote(i.getText())), alias: alias ? unquote(alias.getText()) : null });
    }
  };
  parser.listen(listener, tree);
  return facts;
}

function trinoFunctionName(ctx) {
  return ctx.functionName().qualifiedName().identifier().map(i => unquote(i.getText())).join('.');
}

function trinoExpression(ctx) {
  switch (ctx.constructor.name) {
    case 'ArithmeticBinaryContext':
      return { kind: 'operator', operator: ctx._operator.text.toLowerCase(), left: trinoExpression(ctx._left), right: trinoExpression(ctx._right) };
    case 'ArithmeticUnaryContext':
      return ctx.MINUS() ? { kind: 'negate', operand: trinoExpression(ctx.valueExpression()) } : trinoExpression(ctx.valueExpression());
    case 'NumericLiteralContext': {
      const kind = ctx.number().constructor.name;
      const type = kind === 'DecimalLiteralContext' ? 'decimal' : kind === 'IntegerLiteralContext' ? 'integer' : 'double';
      return { kind: 'literal', type, text: ctx.getText() };
    }
    case 'StringLiteralContext':
      return { kind: 'literal', type: 'string', text: ctx.getText() };
    case 'BooleanLiteralContext':
      return { kind: 'literal', type: 'boolean', text: ctx.getText() };
    case 'NullLiteralContext':
      return { kind: 'literal', type: 'null', text: 'NULL' };
    case 'CastContext':
      return { kind: 'cast', type: ctx.type().getText().toLowerCase(), operand: trinoExpression(ctx.expression()) };
    case 'SearchedCaseContext':
    case 'SimpleCaseContext': {
      const results = ctx.whenClause().map(w => trinoExpression(w._result));
      if (ctx._elseExpression) {
        results.push(trinoExpression(ctx._elseExpression));
      }
      return { kind: 'case', results };
    }
    case 'FunctionCallContext':
      return { kind: 'call', name: trinoFunctionName(ctx).toLowerCase(), arguments: ctx.expression().map(trinoExpression) };
    case 'CoalesceContext':
      return { kind: 'call', name: 'coalesce', arguments: ctx.expression().map(trinoExpression) };
    case 'ColumnReferenceContext':
      return { kind: 'column', parts: ctx.columnName().qualifiedName().identifier().map(i => unquote(i.getText())) };
    case 'DereferenceContext': {
      const base = trinoExpression(ctx._base);
      return base.kind === 'column' ? { kind: 'column', parts: [...base.parts, unquote(ctx._fieldName.getText())] } : { kind: 'other' };
    }
    case 'ParenthesizedExpressionContext':
      return trinoExpression(ctx.expression());
    default:
      return onlyChild(ctx, trinoExpression);
  }
}

/** Wrapper rules (expression, booleanExpression, predicated, valueExpressionDefault...) hold one rule and no token. */
function onlyChild(ctx, convert) {
  const children = ctx.children ?? [];
  return children.length === 1 && children[0].children ? convert(children[0]) : { kind: 'other' };
}
