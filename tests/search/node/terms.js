/* stdin: JSON list of lower-cased tokens; stdout: JSON list of what lunr.da's index pipeline
 * makes of each ("" when dropped), and what the search core's term() makes of it. */
"use strict";
const { lunr, core, readStdin } = require("./lunr_env");

const pipeline = new lunr.Pipeline();
pipeline.add(lunr.da.trimmer, lunr.da.stopWordFilter, lunr.da.stemmer);
const words = readStdin();
const viaLunr = words.map((w) => pipeline.run([new lunr.Token(w, {})]).map(String).filter(Boolean).join(" "));
const viaCore = words.map((w) => core.term(w));
process.stdout.write(JSON.stringify({ lunr: viaLunr, core: viaCore }));
