// deploy/k8s checked offline against the Kubernetes API's schemas, and compose.yaml's wiring.
// Run by KubernetesManifestsTest (deploy-tests), which starts a real server and sets
//   ATRIUM_BASE_URL  where the manifests' probe paths must answer 200.
// Two checks per object, both generated from the Kubernetes API's OpenAPI document:
// - kubernetes-models' validators: types, required fields, formats (as kubeconform does);
// - TypeScript with kubernetes-types: every field must exist (kubeconform's -strict), since a
//   misspelled field (readinesProbe) is otherwise silently dropped by the API server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import ts from "typescript";
import { parseAllDocuments, parse } from "yaml";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const BASE_URL = (process.env.ATRIUM_BASE_URL ?? "").replace(/\/+$/, "");
const require = createRequire(import.meta.url);

/** "apiVersion kind" → the kubernetes-models class and the kubernetes-types module and type. */
const KINDS = {
  "apps/v1 Deployment": ["kubernetes-models/apps/v1/Deployment", "apps/v1", "Deployment"],
  "v1 Service": ["kubernetes-models/v1/Service", "core/v1", "Service"],
  "v1 Secret": ["kubernetes-models/v1/Secret", "core/v1", "Secret"],
  "policy/v1 PodDisruptionBudget": ["kubernetes-models/policy/v1/PodDisruptionBudget", "policy/v1", "PodDisruptionBudget"],
};

function manifests() {
  const dir = path.join(ROOT, "deploy/k8s");
  return readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(dir, file), "utf8")).map((doc) => {
      assert.deepEqual(doc.errors, [], `${file}: YAML errors`);
      return { file, object: doc.toJS() };
    }));
}

/** The problems of one object by the schema validators ([] when valid). */
function schemaProblems({ file, object }) {
  const kind = KINDS[`${object.apiVersion} ${object.kind}`];
  if (!kind) return [`${file}: no schema known for ${object.apiVersion} ${object.kind}`];
  const Model = Object.values(require(kind[0])).find((v) => typeof v === "function");
  try {
    new Model(object).validate();
    return [];
  } catch (e) {
    return [`${file} ${object.kind}: ${e.message}`];
  }
}

/** The problems of all objects by TypeScript: unknown fields and wrong types ([] when none). */
function typeProblems(objects) {
  const source = path.join(HERE, "manifests.generated.ts"); // never written: compiled from memory
  const lines = objects.map(({ object }, i) => {
    const [, module, type] = KINDS[`${object.apiVersion} ${object.kind}`] ?? [];
    return module ? `import type { ${type} as T${i} } from "kubernetes-types/${module}";\nexport const o${i}: T${i} = ${JSON.stringify(object)};` : "";
  });
  const text = lines.join("\n");
  const host = ts.createCompilerHost({});
  const read = host.getSourceFile;
  host.getSourceFile = (f, lang, ...rest) => (f === source ? ts.createSourceFile(f, text, lang) : read.call(host, f, lang, ...rest));
  const program = ts.createProgram([source], {
    strict: true, noEmit: true, types: [], skipLibCheck: true, lib: ["lib.es2022.d.ts"],
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const where = objects[Math.floor(line / 2)];
    return `${where ? `${where.file} ${where.object.kind}` : "?"}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

const OBJECTS = manifests();
const byKind = (kind) => OBJECTS.map((o) => o.object).find((o) => o.kind === kind);

test("deploy/k8s has a Deployment, a Service, a Secret and a PodDisruptionBudget", () => {
  assert.deepEqual(OBJECTS.map((o) => o.object.kind).sort(), ["Deployment", "PodDisruptionBudget", "Secret", "Service"]);
});

test("every object passes the Kubernetes schema validators", () => {
  assert.deepEqual(OBJECTS.flatMap(schemaProblems), []);
});

test("every object has only fields the Kubernetes API knows, of the right types", () => {
  assert.deepEqual(typeProblems(OBJECTS), []);
});

test("the checks refuse a misspelled field and a wrong type (they can fail)", () => {
  const deployment = structuredClone(byKind("Deployment"));
  const container = deployment.spec.template.spec.containers[0];
  container.readinesProbe = container.readinessProbe;
  deployment.spec.replicas = "two";
  const broken = { file: "broken.yaml", object: deployment };

  assert.match(schemaProblems(broken).join(), /replicas must be integer/);
  assert.match(typeProblems([broken]).join("\n"), /readinesProbe/);
});

test("every probe path answers 200 on a running server", async () => {
  assert.ok(BASE_URL, "ATRIUM_BASE_URL is not set (KubernetesManifestsTest sets it)");
  const container = byKind("Deployment").spec.template.spec.containers[0];
  const probes = ["readinessProbe", "livenessProbe", "startupProbe"].map((p) => container[p]?.httpGet?.path);
  assert.deepEqual(probes, ["/health/ready", "/health/live", "/health/live"]);
  for (const p of new Set(probes)) {
    assert.equal((await fetch(BASE_URL + p)).status, 200, p);
  }
});

test("the Deployment fits the image and the other objects", () => {
  const containerfile = readFileSync(path.join(ROOT, "Containerfile"), "utf8");
  const deployment = byKind("Deployment");
  const pod = deployment.spec.template.spec;
  const labels = deployment.spec.template.metadata.labels;
  const secret = byKind("Secret");

  assert.equal(pod.containers[0].ports[0].containerPort, Number(/^EXPOSE (\d+)$/m.exec(containerfile)[1]));
  assert.equal(pod.securityContext.runAsUser, Number(/^ARG ATRIUM_UID=(\d+)$/m.exec(containerfile)[1]));
  for (const selector of [deployment.spec.selector.matchLabels, byKind("PodDisruptionBudget").spec.selector.matchLabels,
    byKind("Service").spec.selector]) {
    assert.deepEqual(selector, labels);
  }
  const refs = pod.containers[0].env.filter((e) => e.valueFrom).map((e) => e.valueFrom.secretKeyRef);
  const items = pod.volumes.filter((v) => v.secret).flatMap((v) => v.secret.items.map((i) => ({ name: v.secret.secretName, key: i.key })));
  for (const ref of [...refs, ...items]) {
    assert.equal(ref.name, secret.metadata.name);
    assert.ok(ref.key in secret.stringData, `the Secret has ${ref.key}`);
  }
  const env = Object.fromEntries(pod.containers[0].env.map((e) => [e.name, e.value]));
  assert.equal(env.ATRIUM_MASTER_KEY_FILE, `${pod.containers[0].volumeMounts.find((m) => m.name === "master-key").mountPath}/master.key`);
});

test("compose.yaml: two nodes of the image on one PostgreSQL with one master key, behind a proxy of both", () => {
  const compose = parse(readFileSync(path.join(ROOT, "compose.yaml"), "utf8"), { merge: true });
  const caddyfile = readFileSync(path.join(ROOT, "deploy/compose/Caddyfile"), "utf8");
  const nodes = ["atrium-1", "atrium-2"].map((n) => compose.services[n]);

  assert.deepEqual(Object.keys(compose.services).sort(), ["atrium-1", "atrium-2", "master-key", "postgres", "proxy"]);
  assert.equal(compose.services["master-key"].build.dockerfile, "Containerfile");
  for (const node of nodes) {
    assert.equal(node.image, compose.services["master-key"].image);
    assert.deepEqual(node.environment, nodes[0].environment);
    assert.match(node.environment.ATRIUM_STORE_URL, /^postgresql:\/\/atrium:[^@]+@postgres:5432\/atrium$/);
    assert.ok(node.volumes.includes("master-key:/etc/atrium:ro"));
  }
  assert.notDeepEqual(nodes[0].volumes, nodes[1].volumes, "each node its own data volume");
  assert.match(caddyfile, /reverse_proxy atrium-1:9090 atrium-2:9090/);
  assert.match(caddyfile, /health_uri \/health\/ready/);
  const published = compose.services.proxy.ports[0].split(":");
  assert.equal(nodes[0].environment.ATRIUM_PUBLIC_URL, `http://${published[0]}:${published[1]}`);
  assert.equal(compose.networks.default.ipam.config[0].subnet, nodes[0].environment.ATRIUM_TRUSTED_PROXIES);
});
