"""Loads Chronograph's exports with networkx and prints what it read as JSON.

Usage: python3 networkx_check.py OUTPUT_DIR EVENT_ID ENTITY_ID
"""
import json
import sys

import networkx as nx

out, event_id, entity_id = sys.argv[1:4]


def summary(graph):
    event = graph.nodes[event_id]
    entity = graph.nodes[entity_id]
    weights = sorted({type(d.get("weight")).__name__ for _, _, d in graph.edges(data=True)})
    return {
        "class": type(graph).__name__,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "event": {k: event.get(k) for k in ("label", "type", "date", "start", "end", "asserted", "char_start")},
        "event_spells": event.get("spells"),
        "entity": {k: entity.get(k) for k in ("label", "type", "mentions", "first_date", "last_date")},
        "entity_spells": entity.get("spells"),
        "event_out_edges": sorted(graph.successors(event_id)),
        "weight_types": weights,
    }


with open(f"{out}/graph.nodelink.json", encoding="utf-8") as f:
    data = json.load(f)
try:
    nodelink = nx.node_link_graph(data, edges="links")
except TypeError:  # networkx before 3.4 names the argument `link`
    nodelink = nx.node_link_graph(data, link="links")

print(json.dumps({
    "graphml": summary(nx.read_graphml(f"{out}/graph.graphml")),
    "gexf": summary(nx.read_gexf(f"{out}/graph.gexf")),
    "nodelink": summary(nodelink),
}))
