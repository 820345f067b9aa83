/**
 * Entry point of the npm bundle: runs the CLI under Node.
 *
 * @module
 */

import process from "node:process";
import { main } from "../cli.ts";

process.exit(await main(process.argv.slice(2)));
