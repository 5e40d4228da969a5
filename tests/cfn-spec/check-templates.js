#!/usr/bin/env node
// Checks every resource of CloudFormation templates against the CloudFormation resource specification of the npm
// package @aws-cdk/aws-service-spec: unknown resource types, unknown or missing properties and wrong value types.
// Usage: node tests/cfn-spec/check-templates.js <template.json>...   Prints one problem per line; exit 1 if any.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { loadAwsServiceSpecSync } = require('@aws-cdk/aws-service-spec');

// Types whose properties are not in the specification: CDK's metadata and custom resources (any property goes).
const UNCHECKED = [/^AWS::CDK::Metadata$/, /^Custom::/, /^AWS::CloudFormation::CustomResource$/];

const db = loadAwsServiceSpecSync();

function isIntrinsic(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

// Returns the problems of one value against one property type, each as [path, message].
function checkType(value, type, where) {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'json':
      return [];
    case 'string':
    case 'date-time':
      // CloudFormation turns numbers and booleans into text; an object or a list is never text.
      return ['string', 'number', 'boolean'].includes(typeof value) ? [] : [[where, `expects text, got ${describe(value)}`]];
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)))
        ? [] : [[where, `expects a number, got ${describe(value)}`]];
    case 'integer':
      return Number.isInteger(typeof value === 'string' && value.trim() !== '' ? Number(value) : value)
        ? [] : [[where, `expects a whole number, got ${describe(value)}`]];
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? [] : [[where, `expects true or false, got ${describe(value)}`]];
    case 'array':
      if (!Array.isArray(value)) return [[where, `expects a list, got ${describe(value)}`]];
      return value.flatMap((item, i) => checkType(item, type.element, `${where}[${i}]`));
    case 'map':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[where, `expects a map, got ${describe(value)}`]];
      return Object.entries(value).flatMap(([k, v]) => checkType(v, type.element, `${where}.${k}`));
    case 'tag':
      return checkObject(value, { Key: { type: { type: 'string' }, required: true }, Value: { type: { type: 'string' }, required: true } }, where);
    case 'ref':
      return checkObject(value, db.get('typeDefinition', type.reference.$ref).properties, where);
    case 'union': {
      const attempts = type.types.map((t) => checkType(value, t, where));
      return attempts.some((a) => a.length === 0) ? [] : attempts[0];
    }
    default:
      return [[where, `has a type this checker does not know (${type.type})`]];
  }
}

function checkProperty(value, spec, where) {
  const candidates = [spec.type, ...(spec.previousTypes ?? [])];
  const attempts = candidates.map((t) => checkType(value, t, where));
  return attempts.some((a) => a.length === 0) ? [] : attempts[0];
}

function checkObject(value, properties, where) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[where, `expects an object, got ${describe(value)}`]];
  const problems = [];
  for (const [name, item] of Object.entries(value)) {
    const spec = properties[name];
    if (!spec) {
      problems.push([`${where}.${name}`, 'is not a property of this type']);
    } else {
      problems.push(...checkProperty(item, spec, `${where}.${name}`));
    }
  }
  for (const [name, spec] of Object.entries(properties)) {
    if (spec.required && !(name in value)) problems.push([`${where}.${name}`, 'is required but missing']);
  }
  return problems;
}

function checkTemplate(file) {
  const template = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const problems = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    const type = resource.Type;
    if (UNCHECKED.some((pattern) => pattern.test(type))) continue;
    const spec = db.lookup('resource', 'cloudFormationType', 'equals', type);
    if (spec.length === 0) {
      problems.push(`${id} (${type}): is not a resource type of CloudFormation`);
      continue;
    }
    for (const [where, message] of checkObject(resource.Properties ?? {}, spec.only().properties, 'Properties')) {
      problems.push(`${id} (${type}): ${where} ${message}`);
    }
  }
  return problems.map((p) => `${path.basename(file)}: ${p}`);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Usage: node tests/cfn-spec/check-templates.js <template.json>...');
  process.exit(2);
}
const problems = files.flatMap(checkTemplate);
for (const problem of problems) console.log(problem);
process.exit(problems.length === 0 ? 0 : 1);
