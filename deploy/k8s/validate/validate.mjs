// Validates the Kubernetes manifests of deploy/k8s against the Kubernetes API's schemas, offline:
//   1. schema: each object through the kubernetes-models validator of its apiVersion and kind
//      (compiled from the Kubernetes OpenAPI: types, required fields, enums, formats);
//   2. strict: no field the API does not know (a typo, a field of another API version), as the
//      API server's strict field validation refuses them; field lists from @kubernetes/client-node;
//   3. consistency: what only the set as a whole shows (selectors that match the pods, names and
//      ports that exist, probes on the service's health endpoints, a grace period longer than the
//      drain, placeholders only in the Secret).
// Usage: node validate.mjs [folder with kustomization.yaml | manifest.yaml ...]; exits 1 on an error.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import * as models from '@kubernetes/client-node/dist/gen/models/all.js';

// --- loading ------------------------------------------------------------------------------------

/** The objects of one YAML file (several documents allowed), each with where it came from. */
export function loadFile(file) {
  const objects = [];
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (document.errors.length) throw new Error(`${file}: ${document.errors[0].message}`);
    const object = document.toJS();
    if (object !== null) objects.push({ file, object });
  }
  return objects;
}

/** The kustomization in FOLDER and the objects of its resources. */
export function loadKustomization(folder) {
  const [{ object: kustomization }] = loadFile(path.join(folder, 'kustomization.yaml'));
  const resources = (kustomization.resources ?? []).flatMap((resource) => loadFile(path.join(folder, resource)));
  return { kustomization, resources };
}

// --- 1. schema ------------------------------------------------------------------------------------

function splitApiVersion(apiVersion) {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

async function schemaErrors(object) {
  const { group, version } = splitApiVersion(object.apiVersion);
  const module = `kubernetes-models/${group ? `${group}/` : ''}${version}/${object.kind}`;
  let Model;
  try {
    ({ [object.kind]: Model } = await import(module));
  } catch {
    return [`unknown apiVersion/kind ${object.apiVersion} ${object.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return String(error.message).split(/, (?=data)/).map((message) => `schema: ${message}`);
  }
}

// --- 2. strict: unknown fields ----------------------------------------------------------------------

function modelName(object) {
  const { version } = splitApiVersion(object.apiVersion);
  return `${version[0].toUpperCase()}${version.slice(1)}${object.kind}`;
}

function unknownFields(value, type, at, errors) {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, array[1], `${at}[${i}]`, errors));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === 'object') for (const [key, item] of Object.entries(value)) unknownFields(item, map[1], `${at}.${key}`, errors);
    return;
  }
  const model = models[type];
  if (!model?.getAttributeTypeMap || typeof value !== 'object' || Array.isArray(value)) return;
  const fields = new Map(model.getAttributeTypeMap().map((field) => [field.baseName, field.type]));
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) errors.push(`strict: ${at}: unknown field "${key}" (${type})`);
    else unknownFields(item, fields.get(key), `${at}.${key}`, errors);
  }
}

function strictErrors(object) {
  const name = modelName(object);
  if (!models[name]) return [`strict: no field list for ${object.apiVersion} ${object.kind}`];
  const errors = [];
  unknownFields(object, name, object.kind, errors);
  return errors;
}

// --- 3. consistency of the set ------------------------------------------------------------------------

const HOST_SHUTDOWN_SECONDS = 30; // ASP.NET Core's default HostOptions.ShutdownTimeout: the drain's bound

function matches(selector, labels) {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

function consistencyErrors(objects) {
  const errors = [];
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, name) => of(kind).find((o) => o.metadata?.name === name);
  const deployments = of('Deployment');
  const podTemplates = [...deployments, ...of('Job')].map((o) => ({ owner: `${o.kind}/${o.metadata?.name}`, template: o.spec?.template }));
  const deploymentPods = deployments.map((d) => d.spec?.template?.metadata?.labels ?? {});
  if (deployments.length === 0) errors.push('consistency: no Deployment');

  for (const d of deployments) {
    const where = `Deployment/${d.metadata?.name}`;
    if (!matches(d.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels)) errors.push(`consistency: ${where}: the selector does not match the pod template's labels`);
    if (!((d.spec?.replicas ?? 1) >= 2)) errors.push(`consistency: ${where}: fewer than 2 replicas`);
    const pod = d.spec?.template?.spec ?? {};
    for (const c of pod.containers ?? []) {
      const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
      for (const [probe, endpoint] of [['readinessProbe', '/health/ready'], ['livenessProbe', '/health/live']]) {
        const get = c[probe]?.httpGet;
        if (!get) errors.push(`consistency: ${where}: container ${c.name} has no ${probe}`);
        else {
          if (get.path !== endpoint) errors.push(`consistency: ${where}: ${probe} is on ${get.path}, not ${endpoint}`);
          if (!ports.has(get.port)) errors.push(`consistency: ${where}: ${probe} port ${get.port} is not a port of container ${c.name}`);
        }
      }
      const sleep = c.lifecycle?.preStop?.exec?.command;
      const preStop = Array.isArray(sleep) && sleep[0] === 'sleep' ? Number(sleep[1]) : NaN;
      if (!Number.isFinite(preStop)) errors.push(`consistency: ${where}: container ${c.name} has no preStop sleep (endpoints must drop the pod before SIGTERM)`);
      const grace = pod.terminationGracePeriodSeconds ?? 30;
      const before = Number.isFinite(preStop) ? preStop : 0;
      if (grace <= before + HOST_SHUTDOWN_SECONDS) {
        errors.push(`consistency: ${where}: terminationGracePeriodSeconds ${grace} is not longer than preStop ${before} s + the service's ${HOST_SHUTDOWN_SECONDS} s drain`);
      }
    }
  }

  for (const { owner, template } of podTemplates) {
    for (const c of template?.spec?.containers ?? []) {
      if (!c.resources?.requests || !c.resources?.limits) errors.push(`consistency: ${owner}: container ${c.name} lacks resource requests or limits`);
      for (const source of c.envFrom ?? []) {
        if (source.configMapRef && !named('ConfigMap', source.configMapRef.name)) errors.push(`consistency: ${owner}: ConfigMap ${source.configMapRef.name} is not in the set`);
        if (source.secretRef && !named('Secret', source.secretRef.name)) errors.push(`consistency: ${owner}: Secret ${source.secretRef.name} is not in the set`);
      }
    }
  }
  for (const job of of('Job')) {
    const args = job.spec?.template?.spec?.containers?.[0]?.args;
    if (!Array.isArray(args) || args[0] !== 'migrate') errors.push(`consistency: Job/${job.metadata?.name}: does not run the migrate command`);
  }

  for (const s of of('Service')) {
    const pods = deploymentPods.filter((labels) => matches(s.spec?.selector, labels));
    if (!s.spec?.selector || pods.length === 0) errors.push(`consistency: Service/${s.metadata?.name}: its selector matches no Deployment's pods`);
    const containerPorts = new Set(deployments.flatMap((d) => (d.spec?.template?.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).flatMap((p) => [p.name, p.containerPort]))));
    for (const port of s.spec?.ports ?? []) {
      if (!containerPorts.has(port.targetPort ?? port.port)) errors.push(`consistency: Service/${s.metadata?.name}: targetPort ${port.targetPort} is no container's port`);
    }
  }
  for (const ingress of of('Ingress')) {
    for (const rule of ingress.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const backend = p.backend?.service;
        const service = named('Service', backend?.name);
        if (!service) errors.push(`consistency: Ingress/${ingress.metadata?.name}: backend Service ${backend?.name} is not in the set`);
        else if (!(service.spec?.ports ?? []).some((port) => (backend.port?.name !== undefined ? port.name === backend.port.name : port.port === backend.port?.number))) {
          errors.push(`consistency: Ingress/${ingress.metadata?.name}: Service ${backend.name} has no port ${backend.port?.name ?? backend.port?.number}`);
        }
      }
    }
    const annotations = ingress.metadata?.annotations ?? {};
    for (const key of ['proxy-read-timeout', 'proxy-send-timeout']) {
      if (!(Number(annotations[`nginx.ingress.kubernetes.io/${key}`]) >= 60)) errors.push(`consistency: Ingress/${ingress.metadata?.name}: ${key} must be set, 60 s or more, for WebSockets and event streams`);
    }
    if (annotations['nginx.ingress.kubernetes.io/proxy-buffering'] !== 'off') errors.push(`consistency: Ingress/${ingress.metadata?.name}: proxy-buffering must be off for event streams`);
  }
  for (const hpa of of('HorizontalPodAutoscaler')) {
    const target = hpa.spec?.scaleTargetRef;
    if (!named(target?.kind, target?.name)) errors.push(`consistency: HorizontalPodAutoscaler/${hpa.metadata?.name}: its target ${target?.kind}/${target?.name} is not in the set`);
    if (!(hpa.spec?.minReplicas >= 2)) errors.push(`consistency: HorizontalPodAutoscaler/${hpa.metadata?.name}: minReplicas below 2`);
  }
  for (const kind of ['PodDisruptionBudget', 'NetworkPolicy']) {
    for (const o of of(kind)) {
      const selector = kind === 'NetworkPolicy' ? o.spec?.podSelector?.matchLabels : o.spec?.selector?.matchLabels;
      if (!deploymentPods.some((labels) => matches(selector, labels))) errors.push(`consistency: ${kind}/${o.metadata?.name}: its selector matches no Deployment's pods`);
    }
  }
  for (const secret of of('Secret')) {
    for (const [key, value] of Object.entries(secret.stringData ?? {})) {
      if (!/REPLACE_ME/.test(String(value))) errors.push(`consistency: Secret/${secret.metadata?.name}: ${key} is not a placeholder (REPLACE_ME): no real secret belongs in the repository`);
    }
    if (secret.data && Object.keys(secret.data).length) errors.push(`consistency: Secret/${secret.metadata?.name}: use stringData placeholders, not data`);
  }
  return errors;
}

// --- all together --------------------------------------------------------------------------------------

/** Every error of OBJECTS (plain manifests), each prefixed with the object's kind and name. */
export async function validateObjects(objects) {
  const errors = [];
  for (const object of objects) {
    const label = `${object?.kind ?? '?'}/${object?.metadata?.name ?? '?'}`;
    if (!object?.apiVersion || !object?.kind) { errors.push(`${label}: no apiVersion or kind`); continue; }
    for (const error of [...await schemaErrors(object), ...strictErrors(object)]) errors.push(`${label}: ${error}`);
  }
  return [...errors, ...consistencyErrors(objects)];
}

const KUSTOMIZATION_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'labels', 'commonLabels', 'commonAnnotations', 'resources',
  'images', 'namePrefix', 'nameSuffix', 'patches', 'configMapGenerator', 'secretGenerator', 'replicas', 'components']);

/** Every error of the kustomization in FOLDER and its resources. */
export async function validateFolder(folder) {
  const errors = [];
  const { kustomization, resources } = loadKustomization(folder);
  if (kustomization.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || kustomization.kind !== 'Kustomization') errors.push('kustomization.yaml: not a kustomize.config.k8s.io/v1beta1 Kustomization');
  for (const key of Object.keys(kustomization)) if (!KUSTOMIZATION_FIELDS.has(key)) errors.push(`kustomization.yaml: unknown field "${key}"`);
  for (const resource of kustomization.resources ?? []) if (!existsSync(path.join(folder, resource))) errors.push(`kustomization.yaml: resource ${resource} does not exist`);
  for (const image of kustomization.images ?? []) {
    const used = resources.some(({ object }) => JSON.stringify(object).includes(`"image":"${image.name}"`));
    if (!used) errors.push(`kustomization.yaml: image ${image.name} is used by no container`);
  }
  return [...errors, ...await validateObjects(resources.map((r) => r.object))];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const targets = process.argv.slice(2);
  const errors = [];
  if (targets.length === 0) errors.push(...await validateFolder(path.resolve(here, '..')));
  for (const target of targets) {
    if (existsSync(path.join(target, 'kustomization.yaml'))) errors.push(...await validateFolder(target));
    else errors.push(...await validateObjects(loadFile(target).map((r) => r.object)));
  }
  for (const error of errors) console.error(error);
  console.log(errors.length ? `${errors.length} errors` : 'valid');
  process.exit(errors.length ? 1 : 0);
}
