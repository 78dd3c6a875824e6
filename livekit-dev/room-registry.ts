import { DisconnectReason, type TrackInfo } from "@livekit/protocol";
import type { DevServerOptions } from "./config";
import type { Participant } from "./participant";
import { Room, type RoomSettings, type WebhookName } from "./room";
import type { WebhookSender } from "./webhook-sender";

/** All rooms on this server, their lifetimes (empty/departure timeouts) and their webhooks. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly timers = new Map<Room, NodeJS.Timeout>();

  constructor(
    private readonly options: DevServerOptions,
    private readonly webhooks: WebhookSender,
  ) {}

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  list(names: string[] = []): Room[] {
    const all = [...this.rooms.values()];
    return names.length === 0 ? all : all.filter((r) => names.includes(r.name));
  }

  /** Returns the room, creating it (and firing room_started) when it does not exist yet. */
  getOrCreate(name: string, settings: Partial<RoomSettings> = {}): Room {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const room = new Room(
      name,
      {
        emptyTimeout: settings.emptyTimeout || this.options.emptyTimeout,
        departureTimeout: settings.departureTimeout || this.options.departureTimeout,
        maxParticipants: settings.maxParticipants ?? 0,
        metadata: settings.metadata ?? "",
      },
      {
        webhook: (event, r, extra) => this.webhook(event, r, extra),
        log: this.options.log,
        occupancyChanged: (r) => this.schedule(r),
      },
    );
    this.rooms.set(name, room);
    this.webhook("room_started", room, {});
    this.schedule(room);
    return room;
  }

  /** Ends a room: everyone gets a leave with ROOM_DELETED, then room_finished is sent. */
  finish(room: Room, reason: DisconnectReason = DisconnectReason.ROOM_DELETED): void {
    if (room.closed) return;
    room.closed = true;
    this.clearTimer(room);
    for (const p of [...room.participants.values()]) room.remove(p, reason);
    this.rooms.delete(room.name);
    this.webhook("room_finished", room, {});
    this.options.log(`room finished room=${room.name}`);
  }

  closeAll(): void {
    for (const room of [...this.rooms.values()]) this.finish(room, DisconnectReason.SERVER_SHUTDOWN);
  }

  // A room with people in it never expires; an empty one ends after emptyTimeout if nobody ever
  // joined, or after departureTimeout once the last participant left.
  private schedule(room: Room): void {
    this.clearTimer(room);
    if (room.closed || room.participants.size > 0) return;
    const seconds = room.everJoined ? room.settings.departureTimeout : room.settings.emptyTimeout;
    const timer = setTimeout(() => this.finish(room), seconds * 1000);
    timer.unref();
    this.timers.set(room, timer);
  }

  private clearTimer(room: Room): void {
    const timer = this.timers.get(room);
    if (timer) clearTimeout(timer);
    this.timers.delete(room);
  }

  private webhook(
    event: WebhookName,
    room: Room,
    extra: { participant?: Participant; track?: TrackInfo },
  ): void {
    this.webhooks.send({
      event,
      room: room.info(),
      participant: extra.participant?.info(),
      track: extra.track,
    });
  }
}
