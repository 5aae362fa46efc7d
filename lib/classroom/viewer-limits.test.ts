// The classroom's identities and limits as data: passes only the server can sign, sockets and viewers counted per
// signed viewer with the presenter always let in, and a client's join attempts throttled.
import { describe, expect, it } from "vitest";
import { Classroom, MAX_SOCKETS_PER_VIEWER } from "./classroom";
import { servedPath } from "./classroom-gate";
import { JoinThrottle, WRONG_LINKS } from "./join-throttle";
import { passId, signedPass } from "./secrets";

const classroom = () => new Classroom({ token: "t".repeat(30), origin: "http://class", measure: () => "", prediction: () => undefined });
const cookie = (name: string, value: string) => ({ cookie: `${name}=${encodeURIComponent(value)}` });

describe("passes the server signs", () => {
  it("reads back only its own pass, for the meaning it was made under", () => {
    const key = Buffer.alloc(32, 1);
    const pass = signedPass(key, "viewer1", "audience ABC");
    expect(passId(key, pass, "audience ABC")).toBe("viewer1");
    expect(passId(key, pass, "audience XYZ")).toBeUndefined();
    expect(passId(Buffer.alloc(32, 2), pass, "audience ABC")).toBeUndefined();
    expect(passId(key, pass.replace("viewer1", "viewer2"), "audience ABC")).toBeUndefined();
    expect(passId(key, "viewer1", "audience ABC")).toBeUndefined();
  });

  it("gives a viewer a pass that stops working when the link is rotated, and the presenter a session without the token", () => {
    const room = classroom();
    const viewer = room.visitorOf(cookie("sandbox_audience", room.audiencePass({})));
    expect(viewer).toMatchObject({ role: "audience", viewerId: expect.any(String) });
    const presenter = room.presenterPass();
    expect(presenter).not.toContain("t".repeat(30));
    expect(room.visitorOf(cookie("sandbox_presenter", presenter))?.role).toBe("presenter");
    const pass = room.audiencePass({});
    room.rotate();
    expect(room.visitorOf(cookie("sandbox_audience", pass))).toBeUndefined();
  });
});

describe("sockets per viewer", () => {
  it("admits a few sockets per viewer, counts the viewer once, and always admits the presenter", () => {
    const room = classroom();
    const viewer = { role: "audience" as const, viewerId: "v1" };
    for (let socket = 0; socket < MAX_SOCKETS_PER_VIEWER; socket++) expect(room.connected(`s${socket}`, viewer, true)).toBeUndefined();
    expect(room.connected("one-more", viewer, true)).toMatch(/at most/);
    expect(room.connected("presenter", { role: "presenter", viewerId: null }, true)).toBeUndefined();
    expect(room.connected("other", { role: "audience", viewerId: "v2" }, true)).toBeUndefined();
    expect(room.publicView().viewers).toEqual({ connected: 2, following: 2 });
    room.setFollowing("s0", false);
    expect(room.publicView().viewers.following).toBe(2);
    room.disconnected("s1");
    expect(room.connected("again", viewer, true)).toBeUndefined();
  });

  it("takes a page's stream socket as one of its viewer's sockets, but only the class socket as the viewer", () => {
    const room = classroom();
    const viewer = { role: "audience" as const, viewerId: "v1" };
    expect(room.connected("stream", viewer, false)).toBeUndefined();
    room.setFollowing("stream", false);
    expect(room.publicView().viewers).toEqual({ connected: 0, following: 0 });
    expect(room.connected("class", viewer, true)).toBeUndefined();
    expect(room.publicView().viewers).toEqual({ connected: 1, following: 1 });
    for (let socket = 2; socket < MAX_SOCKETS_PER_VIEWER; socket++) expect(room.connected(`tab${socket}`, viewer, false)).toBeUndefined();
    expect(room.connected("one-more", viewer, false)).toMatch(/at most/);
    room.disconnected("stream");
    expect(room.publicView().viewers.connected).toBe(1);
    room.disconnected("class");
    expect(room.publicView().viewers.connected).toBe(0);
  });
});

describe("join throttle", () => {
  it("answers a wait after a few wrong links from one client, and not for another client", () => {
    let now = 0;
    const throttle = new JoinThrottle(() => now);
    for (let attempt = 0; attempt < WRONG_LINKS.limit; attempt++) {
      expect(throttle.retryAfterS("a")).toBe(0);
      throttle.failed("a");
    }
    expect(throttle.retryAfterS("a")).toBe(60);
    expect(throttle.retryAfterS("b")).toBe(0);
    now += WRONG_LINKS.windowMs + 1;
    expect(throttle.retryAfterS("a")).toBe(0);
  });
});

describe("the served path", () => {
  it("resolves dots, escaped dots and backslashes as Next does", () => {
    expect(servedPath("/_next/static/../../compare")).toBe("/compare");
    expect(servedPath("/_next/static/%2e%2e/%2E%2E/api/sandbox")).toBe("/api/sandbox");
    expect(servedPath("/_next/static\\..\\..\\x")).toBe("/x");
    expect(servedPath("/_next/static/chunks/app.js")).toBe("/_next/static/chunks/app.js");
  });
});
