// Runs the compiled client (npm run compile -> dist/) against a running NovaPulse host: NOVAPULSE_API_URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { AuthClient, RegisterCommand, TasksClient, TaskPriority, authorizedFetch, createUrgentTask, listAllTasks } from "../dist/index.js";

const baseUrl = process.env.NOVAPULSE_API_URL;
assert.ok(baseUrl, "set NOVAPULSE_API_URL to a running host");

async function register() {
  const auth = new AuthClient(baseUrl, { fetch: globalThis.fetch });
  const response = await auth.register(new RegisterCommand({
    companyName: `TS ${randomUUID().slice(0, 6)}`,
    name: "Owner",
    email: `ts-${randomUUID()}@example.test`,
    password: "Correct-Horse-9",
  }));
  assert.ok(response.accessToken);
  return response.accessToken;
}

test("creates, gets and lists tasks with the API's enum values", async () => {
  const token = await register();
  const created = await createUrgentTask(baseUrl, token, "From TypeScript");
  assert.equal(created.priority, TaskPriority.Urgent);
  assert.equal(created.priority, "urgent");

  const fetched = await new TasksClient(baseUrl, authorizedFetch(token)).get(created.id);
  assert.equal(fetched.title, "From TypeScript");

  const all = await listAllTasks(baseUrl, token);
  assert.deepEqual(all.map((t) => t.id), [created.id]);
});

test("a missing task rejects with the ProblemDetails (404)", async () => {
  const token = await register();
  await assert.rejects(new TasksClient(baseUrl, authorizedFetch(token)).get(randomUUID()), (error) => error.status === 404 && typeof error.title === "string");
});

test("the event stream delivers a task.created event", async () => {
  const token = await register();
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/events/stream?events=task.created`, {
    headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/event-stream");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  await reader.read(); // ": connected": the stream is open, so the next event is live
  const created = await createUrgentTask(baseUrl, token, "streamed");

  let text = "";
  const deadline = Date.now() + 15000;
  while (!text.includes("\n\n" ) || !text.includes("event: task.created")) {
    assert.ok(Date.now() < deadline, "no event within 15 s");
    const { value, done } = await reader.read();
    assert.ok(!done, "the stream ended");
    text += value;
  }
  controller.abort();
  const data = text.split("\n").find((line) => line.startsWith("data: "));
  assert.equal(JSON.parse(data.slice("data: ".length)).data.id, created.id);
});
