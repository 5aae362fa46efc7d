"use client";
// A viewer's page: while following, it goes where the presenter goes (screen, lesson step, selection, viewport);
// the viewer's own click on a link, a box or an event, or a pan, stops that, and one button follows again.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import { setFollowing } from "../../lib/client/classroom-connection";
import { isAppPath } from "../../lib/contract/classroom";
import { classroomStore } from "../../lib/client/stores/classroom-store";
import { select, uiStore } from "../../lib/client/stores/ui-store";
import { movedByHandSince, requestViewport, viewportStore } from "../../lib/client/stores/viewport-store";

const key = (value: unknown) => JSON.stringify(value ?? null);

export function FollowPresenter() {
  const router = useRouter();
  const pathname = usePathname();
  const following = useStore(classroomStore, (state) => state.following);
  const view = useStore(classroomStore, (state) => state.presenterView);
  /** The selection this page was last given, so only a different one (the viewer's own) unfollows. */
  const applied = useRef<string | null>(null);
  /** When the viewer last asked to follow again: a pan or zoom begun before that does not stop it when it ends. */
  const followedAt = useRef(0);

  useEffect(() => {
    if (!following || !view) return;
    // Checked again here, not only by the server: a follower is only ever taken to a page of this app.
    if (view.route !== pathname && isAppPath(view.route)) router.push(view.route);
    applied.current = key(view.selection);
    if (key(uiStore.getState().selection) !== applied.current) uiStore.setState((state) => select(state, view.selection), true);
    requestViewport(view.viewport);
  }, [following, view, pathname, router]);

  useEffect(() => {
    const unfollow = () => classroomStore.getState().following && setFollowing(false);
    const stopOnSelection = uiStore.subscribe((state, before) => {
      if (state.selection !== before.selection && applied.current !== null && key(state.selection) !== applied.current) unfollow();
    });
    const stopOnMove = viewportStore.subscribe((state, before) => {
      if (movedByHandSince(state, before, followedAt.current)) unfollow();
    });
    // The viewer's own navigation: a link they click, or the browser's back and forward.
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest?.("a[href]")) unfollow();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", unfollow);
    return () => {
      stopOnSelection();
      stopOnMove();
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", unfollow);
    };
  }, []);

  return (
    <div className="classroom-follow" data-following={following}>
      {following ? (
        <span role="status">Following the presenter</span>
      ) : (
        <button type="button" className="op-button" onClick={() => {
            // Asked again even if the presenter has not moved since: the viewer's own pan is undone.
            viewportStore.setState({ requested: null });
            followedAt.current = performance.now();
            setFollowing(true);
          }}>
          Follow the presenter
        </button>
      )}
    </div>
  );
}
