// A diagnosis asked of the whole room: the candidates the challenge could hide, each once, never which one it did.
import { describe, expect, it } from "vitest";
import { findLesson } from "../lessons/lessons";
import { culpritChoice, culpritPoll } from "./classroom-mode";

describe("culpritPoll", () => {
  it("offers every culprit and decoy of the challenge as a choice, with ids a poll accepts", () => {
    const challenge = findLesson("who-broke-the-shop")!.challenge!;
    const { question, choices } = culpritPoll(challenge);
    expect(question).toBe("Which fault is at work in the shop?");
    expect(choices.map((choice) => choice.id)).toEqual([...challenge.culprits!, ...challenge.decoys!].map(culpritChoice));
    expect(choices.find((choice) => choice.id === "latency@product-service")?.label).toBe("a latency fault on product-service");
    expect(choices.every((choice) => choice.id.length <= 40)).toBe(true);
  });
});
