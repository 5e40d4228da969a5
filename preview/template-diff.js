#!/usr/bin/env node
// Diffs pairs of CloudFormation templates offline with the CDK's own library (what `cdk diff --template` prints),
// and writes what the preview needs as JSON: per stack, each changed resource with its impact (replace, destroy,
// orphan), whether it touches IAM, the IAM statement changes, and the text `cdk diff` would print.
//
// usage: node template-diff.js <request.json>
//   request: { "stacks": [ { "name": "...", "old": "<template path or null>", "new": "<template path or null>" } ] }
'use strict';

const fs = require('fs');
const { Writable } = require('stream');
const { fullDiff, formatDifferences } = require('@aws-cdk/cloudformation-diff');

const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const result = request.stacks.map(stack => diffStack(stack.name, read(stack.old), read(stack.new)));
process.stdout.write(JSON.stringify({ stacks: result }));

function read(path) {
  return path ? JSON.parse(fs.readFileSync(path, 'utf8')) : {};
}

function diffStack(name, oldTemplate, newTemplate) {
  const diff = fullDiff(oldTemplate, newTemplate);
  const resources = [];
  diff.resources.forEachDifference((logicalId, change) => {
    if (!change.isDifferent || change.resourceType === 'AWS::CDK::Metadata') {
      return;
    }
    const properties = Object.entries(change.propertyUpdates).map(([property, update]) => ({
      name: property,
      impact: update.changeImpact ?? 'WILL_UPDATE',
    }));
    const others = Object.keys(change.otherChanges).filter(key => key !== 'Metadata');
    if (change.isUpdate && properties.length === 0 && others.length === 0 && !change.resourceTypeChanged) {
      return; // only the construct path metadata moved
    }
    resources.push({
      logicalId,
      type: change.resourceType ?? change.newResourceType ?? change.oldResourceType,
      kind: change.isAddition ? 'added' : change.isRemoval ? 'removed' : 'modified',
      impact: change.changeImpact,
      path: constructPath(change.newValue) ?? constructPath(change.oldValue) ?? null,
      properties,
      otherChanges: others,
      names: literalNames(change.newValue ?? change.oldValue),
      touchesIam: touchesIam(logicalId, change),
    });
  });
  const iam = diff.iamChanges;
  return {
    name,
    resources,
    iamStatements: [
      ...iam.statements.additions.map(s => statement('added', s)),
      ...iam.statements.removals.map(s => statement('removed', s)),
    ],
    managedPolicies: [
      ...iam.managedPolicies.additions.map(p => ({ change: 'added', ...p.render() })),
      ...iam.managedPolicies.removals.map(p => ({ change: 'removed', ...p.render() })),
    ],
    permissionsBroadened: diff.permissionsBroadened,
    text: diff.isEmpty ? '' : render(diff),
  };
}

function constructPath(resource) {
  return resource?.Metadata?.['aws:cdk:path'];
}

// Physical names set in the template (BucketName, RoleName, ...): a removed and an added resource of one type with
// the same name are one resource whose construct was renamed.
function literalNames(resource) {
  const names = {};
  for (const [key, value] of Object.entries(resource?.Properties ?? {})) {
    if (key.endsWith('Name') && typeof value === 'string') {
      names[key] = value;
    }
  }
  return names;
}

// The library finds IAM changes for a whole template; diffing the resource alone says whether they come from it.
function touchesIam(logicalId, change) {
  const only = value => (value ? { Resources: { [logicalId]: value } } : {});
  return fullDiff(only(change.oldValue), only(change.newValue)).iamChanges.hasChanges;
}

function statement(change, s) {
  const r = s.render();
  return { change, resource: r.resource, effect: r.effect, action: r.action, principal: r.principal, condition: r.condition };
}

function render(diff) {
  let text = '';
  const stream = new Writable({ write(chunk, _encoding, done) { text += chunk; done(); } });
  stream.columns = 120;
  formatDifferences(stream, diff);
  return text;
}
