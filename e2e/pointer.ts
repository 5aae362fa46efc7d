// Asserts a lesson's pointer is drawn over one element: its ring encloses the element's box on screen.
import { expect, type Locator } from "@playwright/test";

export async function expectPointerOver(pointer: Locator, element: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const [ring, box] = await Promise.all([pointer.boundingBox(), element.boundingBox()]);
      if (!ring || !box) return "not both on screen";
      const encloses = ring.x <= box.x && ring.y <= box.y && ring.x + ring.width >= box.x + box.width && ring.y + ring.height >= box.y + box.height;
      // Around it, not around something much larger that merely contains it.
      const snug = ring.width <= box.width + 16 && ring.height <= box.height + 16;
      return encloses && snug ? "over it" : `ring ${JSON.stringify(ring)} vs element ${JSON.stringify(box)}`;
    })
    .toBe("over it");
}
