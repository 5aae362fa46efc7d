// One product-service replica on its own, for the race test: opens the catalogue's database file given, reserves one
// laptop for each of `count` orders as fast as it can, and prints how many it got and how many were refused.
import { HttpError, openDatabase } from "@sandbox/runtime";
import { recordingPublisher } from "../../../runtime/src/testing/recording-publisher";
import { createCatalogue } from "../catalogue";

const [file, prefix, count] = process.argv.slice(2);
const catalogue = createCatalogue(openDatabase(file), recordingPublisher());
let reserved = 0;
let refused = 0;
for (let i = 0; i < Number(count); i++) {
  try {
    await catalogue.reserve(`${prefix}-${i}`, [{ productId: "p-laptop", quantity: 1 }]);
    reserved++;
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 409)) throw error;
    refused++;
  }
}
process.stdout.write(JSON.stringify({ reserved, refused }));
