// The bench driver's handle on a child process of protocol-level participants
// (node-participants-process.ts): join them, ask what each has received, let them leave.
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Recording } from "./rtp-loop";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

/** "subscriber>publisher" and the packets received, as entries (a Map does not cross IPC as one). */
export type Tally = [string, { audio: number; video: number }][];

export type PoolRequest =
  | {
      type: "join";
      id: number;
      serverUrl: string;
      participants: { identity: string; token: string }[];
      media: { audio: Recording; video: Recording };
      video: { width: number; height: number } | undefined;
      deadline: number;
    }
  | { type: "tally"; id: number }
  | { type: "leave"; id: number };

export type PoolReply =
  | { type: "joined"; id: number; joined: string[]; failed: { identity: string; message: string }[] }
  | { type: "tally"; id: number; tally: Tally; errors: string[] }
  | { type: "left"; id: number };

type Body<T> = T extends unknown ? Omit<T, "id"> : never;

export class NodeParticipantPool {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: PoolReply) => void>();
  private readonly exited: Promise<unknown>;

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (reply: PoolReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    this.exited = new Promise((resolve) => child.once("exit", resolve));
  }

  static start(): NodeParticipantPool {
    const child = fork(path.join(here, "node-participants-process.ts"), [], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      // Structured clone, so RTP payloads travel as bytes rather than JSON arrays.
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new NodeParticipantPool(child);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  private request<R extends PoolReply["type"]>(
    body: Body<PoolRequest>,
    expect: R,
  ): Promise<Extract<PoolReply, { type: R }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const gone = () => reject(new Error("protocol-level participant process exited"));
      this.child.once("exit", gone);
      this.waiting.set(id, (reply) => {
        this.child.off("exit", gone);
        if (reply.type === expect) resolve(reply as Extract<PoolReply, { type: R }>);
        else reject(new Error(`expected ${expect}, got ${reply.type}`));
      });
      this.child.send({ ...body, id } as PoolRequest);
    });
  }

  join(request: Omit<Extract<PoolRequest, { type: "join" }>, "id" | "type">) {
    return this.request({ type: "join", ...request }, "joined");
  }

  tally() {
    return this.request({ type: "tally" }, "tally");
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await Promise.race([
      this.request({ type: "leave" }, "left").catch(() => {}),
      new Promise((r) => setTimeout(r, 5_000)),
    ]);
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 2_000))]);
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}
