/**
 * Entry point of the npm bundle: runs the CLI under Node.
 *
 * @module
 */

import process from "node:process";
import { exitWhenFlushed, main } from "../cli.ts";

await exitWhenFlushed(await main(process.argv.slice(2)));
