// Public entry point: the generated clients and models, plus a typed usage sample that tsc checks against them.
export * from "./client.js";
import { CreateTaskCommand, TaskItemStatus, TaskPriority, TasksClient, type TaskDto } from "./client.js";

/** A fetch that sends the API key (np_...) or a JWT with every request. */
export function authorizedFetch(token: string): { fetch(url: RequestInfo, init?: RequestInit): Promise<Response> } {
  return {
    fetch: (url, init) =>
      globalThis.fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` } }),
  };
}

/** Lists every task matching a status, following nextCursor. */
export async function listAllTasks(baseUrl: string, token: string, status?: TaskItemStatus): Promise<TaskDto[]> {
  const tasks = new TasksClient(baseUrl, authorizedFetch(token));
  const all: TaskDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await tasks.list(status, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 100, cursor);
    all.push(...(page.items ?? []));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export async function createUrgentTask(baseUrl: string, token: string, title: string): Promise<TaskDto> {
  const tasks = new TasksClient(baseUrl, authorizedFetch(token));
  return tasks.create(new CreateTaskCommand({ title, priority: TaskPriority.Urgent }));
}
