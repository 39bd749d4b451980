// Loads cytoscape.json with Cytoscape.js (headless) and prints what it read.
// Usage: node cytoscape_check.js NODE_MODULES CYTOSCAPE_JSON EVENT_ID
const path = require("path");
const fs = require("fs");
const [modules, file, eventId] = process.argv.slice(2);
const cytoscape = require(path.join(modules, "cytoscape"));
const data = JSON.parse(fs.readFileSync(file, "utf8"));
const cy = cytoscape({ headless: true, elements: data.elements });
const event = cy.getElementById(eventId);
console.log(JSON.stringify({
  nodes: cy.nodes().length,
  edges: cy.edges().length,
  events: cy.nodes(".event").length,
  event: event.data(),
  event_targets: event.outgoers("node").map((n) => n.id()).sort(),
}));
