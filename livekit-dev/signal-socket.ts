import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import {
  DisconnectReason,
  LeaveRequest,
  LeaveRequest_Action,
  SignalRequest,
  SignalResponse,
} from "@livekit/protocol";
import { type WebSocket, WebSocketServer } from "ws";
import type { DevServerOptions } from "./config";
import { type AdmittedJoin, admitJoin, JoinRefused, refuseIfFull } from "./join-admission";
import { Participant } from "./participant";
import type { RoomRegistry } from "./room-registry";
import { answerOffer, handleSignalRequest } from "./signal-handlers";

/** Serves LiveKit's v1 signal WebSocket (/rtc/v1): one binary protobuf message per frame. */
export class SignalSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(
    private readonly options: DevServerOptions,
    private readonly registry: RoomRegistry,
  ) {}

  /** Refuses a bad join with an HTTP status before upgrading, as the real server does. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    if (url.pathname.replace(/\/$/, "") !== "/rtc/v1") {
      // No legacy /rtc (dual peer connection) path: see README. 404 without "room does not exist"
      // would make the client fall back to it, so this only answers clients aimed elsewhere.
      reject(socket, 404, "not found");
      return;
    }
    let admitted: AdmittedJoin;
    try {
      admitted = await admitJoin(url.searchParams, this.options);
      refuseIfFull(this.registry, admitted.roomName);
    } catch (error) {
      if (error instanceof JoinRefused) reject(socket, error.status, error.message);
      else reject(socket, 500, "internal error");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.accept(ws, admitted).catch((error) => {
        this.options.log(`join failed: ${error instanceof Error ? error.message : error}`);
        ws.close();
      });
    });
  }

  private async accept(ws: WebSocket, join: AdmittedJoin): Promise<void> {
    const send = (message: SignalResponse["message"]) =>
      ws.readyState === ws.OPEN && ws.send(new SignalResponse({ message }).toBinary());
    if (join.params.reconnect) {
      // No resume here: a leave as the first message makes the client give up resuming and rejoin.
      send({
        case: "leave",
        value: new LeaveRequest({
          action: LeaveRequest_Action.RECONNECT,
          reason: DisconnectReason.STATE_MISMATCH,
          canReconnect: true,
        }),
      });
      ws.close();
      return;
    }
    const room = this.registry.getOrCreate(join.roomName);
    const participant = new Participant(
      {
        identity: join.identity,
        name: join.claims.name ?? "",
        metadata: join.claims.metadata ?? "",
        attributes: join.claims.attributes ?? {},
        permissions: join.permissions,
        autoSubscribe: join.params.autoSubscribe,
      },
      {
        send: (message) => {
          if (ws.readyState === ws.OPEN) ws.send(message.toBinary());
        },
        close: () => ws.close(),
      },
      room,
    );
    // Messages are handled strictly in order: an addTrack must be known before the offer after it.
    let chain: Promise<void> = Promise.resolve();
    ws.on("message", (data, isBinary) => {
      if (!isBinary) return;
      let request: SignalRequest;
      try {
        request = SignalRequest.fromBinary(toBytes(data));
      } catch {
        return;
      }
      chain = chain
        .then(() => handleSignalRequest(room, participant, request))
        .catch((error) => this.options.log(`signal error identity=${participant.identity}: ${error}`));
    });
    // A browser that vanished without closing (crash, sleep) is noticed by protocol-level pings,
    // which browsers answer on their own; LiveKit's own pings only flow client to server.
    let alive = true;
    ws.on("pong", () => {
      alive = true;
    });
    const heartbeat = setInterval(() => {
      if (!alive) ws.terminate();
      alive = false;
      ws.ping();
    }, 15_000);
    heartbeat.unref();
    ws.on("close", () => {
      clearInterval(heartbeat);
      chain = chain.then(() => room.remove(participant, DisconnectReason.CLIENT_INITIATED, false));
    });
    room.join(participant);
    const offer = join.params.publisherOffer;
    if (offer) chain = chain.then(() => answerOffer(participant, offer.sdp, offer.id));
    await chain;
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data);
}

function reject(socket: Duplex, status: number, message: string): void {
  const body = Buffer.from(message);
  socket.end(
    `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${message}`,
  );
}

function statusText(status: number): string {
  return { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" }[status] ?? "Error";
}
