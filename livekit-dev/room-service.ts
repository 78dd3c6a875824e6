import type { IncomingMessage, ServerResponse } from "node:http";
import {
  CreateRoomRequest,
  DataPacket_Kind,
  DeleteRoomRequest,
  DisconnectReason,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  MuteRoomTrackRequest,
  MuteRoomTrackResponse,
  MuteTrackRequest,
  RoomParticipantIdentity,
  SendDataRequest,
  UpdateParticipantRequest,
  UpdateRoomMetadataRequest,
  UpdateSubscriptionsRequest,
} from "@livekit/protocol";
import { z } from "zod";
import { AuthError, bearerToken, verifyToken } from "./auth";
import type { DevServerOptions } from "./config";
import type { VideoGrant } from "./grants";
import type { Participant } from "./participant";
import { applyPermission } from "./permission-update";
import type { Room } from "./room";
import type { RoomRegistry } from "./room-registry";
import { readJsonObject, TwirpError, writeJson, writeTwirpError } from "./twirp";

const parseOptions = { ignoreUnknownFields: true };
const roomName = z.string().min(1, "room is required");
const identity = z.string().min(1, "identity is required");

function need<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new TwirpError("invalid_argument", result.error.issues[0]?.message ?? "invalid");
  return result.data;
}

type Handler = (body: Record<string, unknown>, grant: VideoGrant) => unknown;

/** LiveKit's RoomService over Twirp JSON, for the calls livekit-server-sdk's RoomServiceClient makes. */
export class RoomService {
  private readonly handlers: Record<string, Handler>;

  constructor(
    private readonly options: DevServerOptions,
    private readonly registry: RoomRegistry,
  ) {
    this.handlers = {
      CreateRoom: (body, grant) => {
        requireGrant(grant.roomCreate);
        const req = CreateRoomRequest.fromJson(body as never, parseOptions);
        const room = this.registry.getOrCreate(need(roomName, req.name), {
          emptyTimeout: req.emptyTimeout,
          departureTimeout: req.departureTimeout,
          maxParticipants: req.maxParticipants,
          metadata: req.metadata,
        });
        return room.info().toJson();
      },
      ListRooms: (body, grant) => {
        requireGrant(grant.roomList);
        const req = ListRoomsRequest.fromJson(body as never, parseOptions);
        return new ListRoomsResponse({ rooms: this.registry.list(req.names).map((r) => r.info()) }).toJson();
      },
      DeleteRoom: (body, grant) => {
        requireGrant(grant.roomCreate);
        const req = DeleteRoomRequest.fromJson(body as never, parseOptions);
        this.registry.finish(this.room(need(roomName, req.room)), DisconnectReason.ROOM_DELETED);
        return {};
      },
      ListParticipants: (body, grant) => {
        const req = ListParticipantsRequest.fromJson(body as never, parseOptions);
        const room = this.adminRoom(grant, req.room);
        return new ListParticipantsResponse({
          participants: [...room.participants.values()].map((p) => p.info()),
        }).toJson();
      },
      GetParticipant: (body, grant) => {
        const req = RoomParticipantIdentity.fromJson(body as never, parseOptions);
        return this.participant(this.adminRoom(grant, req.room), req.identity).info().toJson();
      },
      RemoveParticipant: (body, grant) => {
        const req = RoomParticipantIdentity.fromJson(body as never, parseOptions);
        const room = this.adminRoom(grant, req.room);
        room.remove(this.participant(room, req.identity), DisconnectReason.PARTICIPANT_REMOVED);
        return {};
      },
      MutePublishedTrack: (body, grant) => {
        const req = MuteRoomTrackRequest.fromJson(body as never, parseOptions);
        const room = this.adminRoom(grant, req.room);
        const participant = this.participant(room, req.identity);
        const track = participant.tracks.get(req.trackSid);
        if (!track) throw new TwirpError("not_found", "track does not exist");
        // LiveKit refuses remote unmute unless enabled in its config; so do we (privacy).
        if (!req.muted) throw new TwirpError("failed_precondition", "remote unmute not enabled");
        // The client mutes locally on this and echoes its own mute, which updates everyone.
        participant.send({ case: "mute", value: new MuteTrackRequest({ sid: track.sid, muted: true }) });
        track.info.muted = true;
        participant.changed();
        room.broadcast(participant);
        return new MuteRoomTrackResponse({ track: track.info }).toJson();
      },
      UpdateParticipant: (body, grant) => {
        const req = UpdateParticipantRequest.fromJson(body as never, parseOptions);
        const room = this.adminRoom(grant, req.room);
        const participant = this.participant(room, req.identity);
        if (req.name) participant.name = req.name;
        if (req.metadata) participant.metadata = req.metadata;
        if (Object.keys(req.attributes).length > 0) {
          // An empty value deletes the attribute, as in LiveKit.
          const merged = { ...participant.attributes, ...req.attributes };
          participant.attributes = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== ""));
        }
        if (req.permission) applyPermission(room, participant, req.permission);
        participant.changed();
        room.broadcast(participant);
        return participant.info().toJson();
      },
      UpdateSubscriptions: (body, grant) => {
        const req = UpdateSubscriptionsRequest.fromJson(body as never, parseOptions);
        const room = this.adminRoom(grant, req.room);
        const participant = this.participant(room, req.identity);
        const sids = [...req.trackSids, ...req.participantTracks.flatMap((pt) => pt.trackSids)];
        for (const sid of sids) participant.subscriptionOverrides.set(sid, req.subscribe);
        room.refresh(participant);
        return {};
      },
      SendData: (body, grant) => {
        const req = SendDataRequest.fromJson(body as never, parseOptions);
        const room = this.adminRoom(grant, req.room);
        const bySid = new Map([...room.participants.values()].map((p) => [p.sid, p.identity]));
        const destinations = [
          ...req.destinationIdentities,
          ...req.destinationSids.flatMap((sid) => bySid.get(sid) ?? []),
        ];
        const kind = req.kind === DataPacket_Kind.LOSSY ? DataPacket_Kind.LOSSY : DataPacket_Kind.RELIABLE;
        room.sendServerData(req.data, kind, req.topic, destinations);
        return {};
      },
      UpdateRoomMetadata: (body, grant) => {
        const req = UpdateRoomMetadataRequest.fromJson(body as never, parseOptions);
        const room = this.adminRoom(grant, req.room);
        room.setMetadata(req.metadata);
        return room.info().toJson();
      },
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    try {
      if (req.method !== "POST") throw new TwirpError("bad_route", "use POST");
      const handler = this.handlers[method];
      if (!handler) throw new TwirpError("bad_route", `no such method: ${method}`);
      let grant: VideoGrant;
      try {
        const claims = await verifyToken(
          bearerToken(req.headers.authorization),
          this.options.apiKey,
          this.options.apiSecret,
        );
        grant = claims.video ?? {};
      } catch (error) {
        throw new TwirpError("unauthenticated", error instanceof AuthError ? error.message : "invalid token");
      }
      const body = await readJsonObject(req);
      let result: unknown;
      try {
        result = handler(body, grant);
      } catch (error) {
        if (error instanceof TwirpError) throw error;
        // fromJson throws on fields of the wrong type: that is the caller's mistake.
        throw new TwirpError("invalid_argument", error instanceof Error ? error.message : String(error));
      }
      writeJson(res, 200, result ?? {});
    } catch (error) {
      writeTwirpError(res, error instanceof TwirpError ? error : new TwirpError("internal", String(error)));
    }
  }

  private room(name: string): Room {
    const room = this.registry.get(name);
    if (!room) throw new TwirpError("not_found", "requested room does not exist");
    return room;
  }

  /** Participant-level calls need roomAdmin for that very room. */
  private adminRoom(grant: VideoGrant, name: string): Room {
    requireGrant(grant.roomAdmin);
    need(roomName, name);
    if (grant.room && grant.room !== name) throw new TwirpError("unauthenticated", "permissions denied");
    return this.room(name);
  }

  private participant(room: Room, name: string): Participant {
    const participant = room.byIdentity(need(identity, name));
    if (!participant) throw new TwirpError("not_found", "participant does not exist");
    return participant;
  }
}

// LiveKit answers a missing grant as it answers a bad token: 401 unauthenticated, "permissions denied".
function requireGrant(granted: boolean | undefined): void {
  if (!granted) throw new TwirpError("unauthenticated", "permissions denied");
}
