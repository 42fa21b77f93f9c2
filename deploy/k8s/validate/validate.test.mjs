// The manifests of deploy/k8s pass; each kind of mistake the validator exists for is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKustomization, validateFolder, validateObjects, loadFile } from './validate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const folder = path.resolve(here, '..');
const { resources } = loadKustomization(folder);
const pristine = resources.map((r) => r.object);
const copy = () => structuredClone(pristine);
const find = (objects, kind) => objects.find((o) => o.kind === kind);
const container = (objects) => find(objects, 'Deployment').spec.template.spec.containers[0];

async function refused(mutate, pattern) {
  const objects = copy();
  mutate(objects);
  const errors = await validateObjects(objects);
  assert.ok(errors.some((e) => pattern.test(e)), `expected an error like ${pattern}, got:\n${errors.join('\n') || '(none)'}`);
}

test('deploy/k8s is valid: schemas, no unknown field, consistent', async () => {
  assert.deepEqual(await validateFolder(folder), []);
});

test('every kind the issue asks for is there', () => {
  const kinds = new Set(pristine.map((o) => `${o.apiVersion} ${o.kind}`));
  for (const kind of ['apps/v1 Deployment', 'v1 Service', 'networking.k8s.io/v1 Ingress', 'autoscaling/v2 HorizontalPodAutoscaler',
    'policy/v1 PodDisruptionBudget', 'v1 ConfigMap', 'v1 Secret', 'batch/v1 Job', 'networking.k8s.io/v1 NetworkPolicy']) {
    assert.ok(kinds.has(kind), `missing ${kind}`);
  }
});

test('schema: a wrong type is refused (replicas as text)', () =>
  refused((o) => { find(o, 'Deployment').spec.replicas = 'two'; }, /schema: .*replicas must be integer/));

test('schema: a missing required field is refused (a pod without containers)', () =>
  refused((o) => { delete find(o, 'Deployment').spec.template.spec.containers; }, /schema: .*must have required property containers/));

test('schema: a value outside an enum-like type is refused (a port as an object)', () =>
  refused((o) => { container(o).readinessProbe.httpGet.port = { name: 'http' }; }, /schema: .*httpGet\/port/));

test('strict: a misspelt field is refused (readinesProbe)', () =>
  refused((o) => { container(o).readinesProbe = container(o).readinessProbe; }, /strict: .*unknown field "readinesProbe"/));

test('strict: a field of another API version is refused (autoscaling/v1 targetCPUUtilizationPercentage in v2)', () =>
  refused((o) => { find(o, 'HorizontalPodAutoscaler').spec.targetCPUUtilizationPercentage = 70; }, /strict: .*unknown field "targetCPUUtilizationPercentage"/));

test('strict: an unknown kind or version is refused', () =>
  refused((o) => { find(o, 'HorizontalPodAutoscaler').apiVersion = 'autoscaling/v9'; }, /unknown apiVersion\/kind autoscaling\/v9/));

test('consistency: a Service whose selector matches no pods is refused', () =>
  refused((o) => { find(o, 'Service').spec.selector = { 'app.kubernetes.io/name': 'elsewhere' }; }, /Service\/headlessreviews: its selector matches no/));

test('consistency: a grace period not longer than preStop + the drain is refused', () =>
  refused((o) => { find(o, 'Deployment').spec.template.spec.terminationGracePeriodSeconds = 30; }, /terminationGracePeriodSeconds 30 is not longer/));

test('consistency: probes on other endpoints are refused', () =>
  refused((o) => { container(o).livenessProbe.httpGet.path = '/health/ready'; }, /livenessProbe is on \/health\/ready, not \/health\/live/));

test('consistency: an Ingress without long WebSocket/SSE timeouts or with buffering is refused', async () => {
  await refused((o) => { delete find(o, 'Ingress').metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']; }, /proxy-read-timeout must be set/);
  await refused((o) => { find(o, 'Ingress').metadata.annotations['nginx.ingress.kubernetes.io/proxy-buffering'] = 'on'; }, /proxy-buffering must be off/);
});

test('consistency: a real-looking secret is refused', () =>
  refused((o) => { find(o, 'Secret').stringData.HeadlessReviews__AdminToken = 'hr_3f9a0c1d2e'; }, /not a placeholder/));

test('the broken fixture file fails on the command line, with every mistake named', () => {
  const fixture = path.join(here, 'fixtures', 'broken-deployment.yaml');
  assert.equal(loadFile(fixture).length, 1);
  const run = spawnSync(process.execPath, [path.join(here, 'validate.mjs'), fixture], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /replicas must be integer/);
  assert.match(run.stderr, /unknown field "readinesProbe"/);
  assert.match(run.stderr, /terminationGracePeriodSeconds 5/);
});

// kubectl (Debian's kubernetes-client) renders the kustomization as kubectl apply -k would; the
// rendered objects (namespace, labels and image set) must be valid too. Skipped without kubectl.
const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
test('the kustomization rendered by kubectl kustomize is valid', { skip: kubectl.status !== 0 && 'kubectl is not installed' }, async () => {
  const { parseAllDocuments } = await import('yaml');
  const run = spawnSync('kubectl', ['kustomize', folder], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const objects = parseAllDocuments(run.stdout).map((d) => d.toJS()).filter(Boolean);
  assert.equal(objects.length, pristine.length);
  assert.ok(objects.filter((o) => o.kind !== 'Namespace').every((o) => o.metadata.namespace === 'headlessreviews'));
  assert.equal(find(objects, 'Deployment').spec.template.spec.containers[0].image, 'registry.example.com/headlessreviews:1.0.0');
  assert.deepEqual(await validateObjects(objects), []);
});
