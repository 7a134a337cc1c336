// Checks the rendered overlays (kubectl kustomize output) offline, as deploy/k8s/check.sh calls it:
//   node validate.mjs dev=<rendered dev.yaml> prod=<rendered prod.yaml>
// 1. Every document validates against its schema: Kubernetes (kubernetes-models), Strimzi, CloudNativePG and the
//    Prometheus Operator (@kubernetes-models/*, generated from the operators' CRDs). A kind with no schema fails.
// 2. Every deployable runs its own image and answers on the port its configuration names, behind a Service and
//    the probes that quarkus-smallrye-health serves.
// 3. Every variable a service's configuration reads (${NAME...}) is set by its Deployment or the ConfigMap it loads,
//    and every Secret a pod reads is made by an operator or documented in docs/operations.md.
// 4. Every topic in dev.gatehouse.events.Topics.ALL has a KafkaTopic (compacted where Topics.COMPACTED says), and
//    every topic a KafkaUser's ACL names exists.
// 5. The overlays keep their promises: dev one replica each; prod two or more, a PodDisruptionBudget and a
//    HorizontalPodAutoscaler per Deployment, anti-affinity.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SERVICES = ['directory-service', 'app-management-service', 'token-service', 'audit-metrics-service'];
const DEPLOYABLES = [...SERVICES, 'console'];
const PROBES = {
  livenessProbe: '/q/health/live', readinessProbe: '/q/health/ready', startupProbe: '/q/health/started',
};
// Shared configuration every service reads besides its own (libs on every service's class path).
const SERVICE_LIBS = ['libs/web', 'libs/outbox'];
// Secrets the operators write: Strimzi one per KafkaUser and the cluster CA, CloudNativePG the owner's.
const OPERATOR_SECRETS = ['gatehouse-cluster-ca-cert', 'gatehouse-db-app'];

const failures = [];
const fail = (what) => failures.push(what);

const GROUPS = {
  '': 'kubernetes-models/v1',
  'apps': 'kubernetes-models/apps/v1',
  'policy': 'kubernetes-models/policy/v1',
  'autoscaling': 'kubernetes-models/autoscaling/v2',
  'networking.k8s.io': 'kubernetes-models/networking.k8s.io/v1',
  'rbac.authorization.k8s.io': 'kubernetes-models/rbac.authorization.k8s.io/v1',
  'batch': 'kubernetes-models/batch/v1',
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

async function model(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const module = GROUPS[group];
  if (!module || !module.endsWith('/' + version)) return null;
  return (await import(module))[kind] ?? null;
}

function read(path) {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The environment variables a properties file reads: ${NAME} and ${NAME:default}, NAME in capitals. */
function variables(path) {
  if (!existsSync(join(ROOT, path))) return [];
  return [...read(path).matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]);
}

/** The port a module's HTTP server listens on: quarkus.http.port, its ${VAR:default} resolved to the default. */
function httpPort(module) {
  const line = read(`${module}/src/main/resources/application.properties`).match(/^quarkus\.http\.port=(.+)$/m);
  const value = line[1].trim().replace(/^\$\{[A-Z_]+:(\d+)\}$/, '$1');
  return Number(value);
}

function topicsAll() {
  const source = read('libs/events/src/main/java/dev/gatehouse/events/Topics.java');
  const constants = Object.fromEntries([...source.matchAll(/static final String (\w+) = "([^"]+)";/g)]
    .map((m) => [m[1], m[2]]));
  const list = (name) => {
    const body = source.match(new RegExp(`List<String> ${name} = List\\.of\\(([^;]+)\\);`));
    if (!body) throw new Error(`Topics.${name} not found in Topics.java`);
    return body[1].split(',').map((s) => s.trim()).filter(Boolean).map((c) => {
      if (!constants[c]) throw new Error(`Topics.${name} names ${c}, which is not a topic constant`);
      return constants[c];
    });
  };
  return { all: list('ALL'), compacted: list('COMPACTED') };
}

async function check(overlay, file) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);
  const where = (d) => `${overlay}: ${d.kind}/${d.metadata?.name}`;
  const of = (kind) => docs.filter((d) => d.kind === kind);
  const named = (kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name);

  for (const doc of docs) {
    const Model = await model(doc.apiVersion, doc.kind);
    if (!Model) { fail(`${where(doc)}: no schema for ${doc.apiVersion} ${doc.kind}`); continue; }
    try { new Model(doc).validate(); } catch (e) { fail(`${where(doc)}: ${e.message}`); }
    if (doc.metadata?.namespace !== 'gatehouse' && doc.kind !== 'Namespace') {
      fail(`${where(doc)}: not in the gatehouse namespace`);
    }
  }

  const configMaps = Object.fromEntries(of('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));
  const documentedSecrets = read('docs/operations.md');
  const kafkaUsers = of('KafkaUser').map((u) => u.metadata.name);
  const version = read('pom.xml').match(/<artifactId>gatehouse-parent<\/artifactId>\s*<version>([^<]+)</)[1];

  for (const app of DEPLOYABLES) {
    const deployment = named('Deployment', app);
    if (!deployment) { fail(`${overlay}: no Deployment ${app}`); continue; }
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    const port = httpPort(app);
    if (container.image !== `registry.gatehouse.example/gatehouse/${app}:${version}`) {
      fail(`${overlay}: ${app} runs image ${container.image}`);
    }
    if (!(container.ports ?? []).some((p) => p.containerPort === port && p.name === 'http')) {
      fail(`${overlay}: ${app}'s container does not expose its HTTP port ${port}`);
    }
    const service = named('Service', app);
    const servicePort = service?.spec.ports.find((p) => p.name === 'http');
    if (!servicePort || servicePort.targetPort !== port) fail(`${overlay}: Service ${app} does not reach port ${port}`);
    const pom = read(SERVICES.includes(app) ? 'libs/service-parent/pom.xml' : `${app}/pom.xml`);
    if (!pom.includes('<artifactId>quarkus-smallrye-health</artifactId>')) {
      fail(`${overlay}: ${app} is probed on /q/health/* but is not built with quarkus-smallrye-health`);
    }
    for (const [probe, path] of Object.entries(PROBES)) {
      const get = container[probe]?.httpGet;
      if (get?.path !== path || get?.port !== port) fail(`${overlay}: ${app}'s ${probe} is not ${path} on ${port}`);
    }
    const startup = container.startupProbe ?? {};
    if ((startup.initialDelaySeconds ?? 0) + (startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3) < 120) {
      fail(`${overlay}: ${app}'s startup probe gives it less than 2 minutes to start`);
    }
    if (!container.lifecycle?.preStop || !(pod.terminationGracePeriodSeconds >= 45)) {
      fail(`${overlay}: ${app} has no preStop pause or too short a grace period`);
    }
    for (const key of ['cpu', 'memory']) {
      if (!container.resources?.requests?.[key]) fail(`${overlay}: ${app} requests no ${key}`);
    }
    if (!container.resources?.limits?.memory) fail(`${overlay}: ${app} has no memory limit`);

    // Every variable its configuration reads is set.
    const set = new Set((container.env ?? []).map((e) => e.name));
    for (const from of container.envFrom ?? []) {
      const data = configMaps[from.configMapRef?.name];
      if (from.configMapRef && !data) fail(`${overlay}: ${app} loads ConfigMap ${from.configMapRef.name}, not rendered`);
      Object.keys(data ?? {}).forEach((k) => set.add(k));
    }
    const sources = [`${app}/src/main/resources/application.properties`,
      ...(SERVICES.includes(app) ? SERVICE_LIBS.map((l) => `${l}/src/main/resources/META-INF/microprofile-config.properties`) : [])];
    for (const name of new Set(sources.flatMap(variables))) {
      if (!set.has(name)) fail(`${overlay}: ${app} reads ${name}, which its Deployment does not set`);
    }
    // Every Secret it reads is an operator's or documented.
    const secrets = [...(container.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name),
      ...(pod.volumes ?? []).map((v) => v.secret?.secretName)].filter(Boolean);
    for (const secret of new Set(secrets)) {
      const made = kafkaUsers.includes(secret) || OPERATOR_SECRETS.includes(secret);
      if (!made && !documentedSecrets.includes(`\`${secret}\``)) {
        fail(`${overlay}: ${app} reads Secret ${secret}, which no operator makes and docs/operations.md does not describe`);
      }
    }
    if (SERVICES.includes(app)) {
      if (!named('ServiceMonitor', app)) fail(`${overlay}: no ServiceMonitor for ${app}`);
      if (!kafkaUsers.includes(app)) fail(`${overlay}: no KafkaUser for ${app}`);
    }

    const replicas = deployment.spec.replicas;
    if (overlay === 'dev' && replicas !== 1) fail(`dev: ${app} has ${replicas} replicas`);
    if (overlay === 'prod') {
      if (!(replicas >= 2)) fail(`prod: ${app} has ${replicas} replicas`);
      const matches = (d) => d.spec.selector?.matchLabels?.['app.kubernetes.io/name'] === app;
      if (!of('PodDisruptionBudget').some(matches)) fail(`prod: no PodDisruptionBudget for ${app}`);
      const hpa = of('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === app);
      if (!hpa || hpa.spec.minReplicas < 2) fail(`prod: no HorizontalPodAutoscaler from 2 replicas for ${app}`);
      if (!pod.affinity?.podAntiAffinity) fail(`prod: ${app} has no anti-affinity`);
    }
  }

  // Topics: one KafkaTopic each, compacted where the code reads them whole; ACLs name existing topics only.
  const { all, compacted } = topicsAll();
  const topics = Object.fromEntries(of('KafkaTopic').map((t) => [t.spec.topicName ?? t.metadata.name, t]));
  for (const topic of all) {
    if (!topics[topic]) { fail(`${overlay}: no KafkaTopic for ${topic} (Topics.ALL)`); continue; }
    const compact = topics[topic].spec.config?.['cleanup.policy'] === 'compact';
    if (compact !== compacted.includes(topic)) fail(`${overlay}: KafkaTopic ${topic} compacted is ${compact}`);
  }
  for (const topic of Object.keys(topics)) {
    if (!all.includes(topic)) fail(`${overlay}: KafkaTopic ${topic} is not in Topics.ALL`);
  }
  for (const user of of('KafkaUser')) {
    for (const acl of user.spec.authorization.acls) {
      const r = acl.resource;
      if (r.type === 'topic' && r.patternType === 'literal' && !topics[r.name]) {
        fail(`${overlay}: KafkaUser ${user.metadata.name} names topic ${r.name}, which has no KafkaTopic`);
      }
    }
  }

  // The Ingress sends only to Services that exist, by port name.
  for (const ingress of of('Ingress')) {
    for (const rule of ingress.spec.rules) {
      for (const path of rule.http.paths) {
        const { name, port } = path.backend.service;
        const service = named('Service', name);
        if (!service || !service.spec.ports.some((p) => p.name === port.name)) {
          fail(`${overlay}: Ingress ${rule.host}${path.path} goes to ${name}:${port.name}, which does not exist`);
        }
        // A service's /q/ (health details, metrics) stays inside: no catch-all path, no /q path to a service.
        if (SERVICES.includes(name) && (path.path === '/' || path.path === '/q' || path.path.startsWith('/q/'))) {
          fail(`${overlay}: Ingress sends ${rule.host}${path.path} to ${name}, exposing its /q/`);
        }
      }
    }
  }
  console.log(`${overlay}: ${docs.length} resources checked`);
}

/**
 * base/generated/ against what the build rendered, as data: quarkus-kubernetes writes labels in no fixed order, so
 * the text may differ where the resources do not.
 */
function compareGenerated() {
  const canonical = (value) => (Array.isArray(value) ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])])) : value);
  const load = (path) => JSON.stringify(parseAllDocuments(read(path)).map((d) => canonical(d.toJS())));
  for (const app of DEPLOYABLES) {
    const rendered = `${app}/target/kubernetes/kubernetes.yml`;
    if (!existsSync(join(ROOT, rendered))) { fail(`${rendered} is missing: build first (./mvnw package)`); continue; }
    if (load(`deploy/k8s/base/generated/${app}.yml`) !== load(rendered)) {
      fail(`base/generated/${app}.yml is not what the build rendered: run deploy/k8s/generate.sh --no-build`);
    }
  }
  console.log('base/generated/ compared with the build');
}

const args = process.argv.slice(2);
if (args[0] === '--generated') {
  compareGenerated();
  args.shift();
}
const pairs = args.map((a) => a.split('='));
if (pairs.length === 0 && failures.length === 0 && args.length === 0 && !process.argv.includes('--generated')) {
  console.error('usage: node validate.mjs <overlay>=<rendered.yaml> …');
  process.exit(2);
}
for (const [overlay, file] of pairs) await check(overlay, file);
if (failures.length) {
  failures.forEach((f) => console.error('✖ ' + f));
  process.exit(1);
}
console.log('✔ every rendered manifest validates and matches the services');
