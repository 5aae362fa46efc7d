// The invisible anchor points where the graph's arrows meet a box; the layout in lib/client/topology.ts names them.
import { Handle, Position } from "@xyflow/react";

const at = (percent: number) => ({ left: `${percent}%` });

export function ServiceHandles() {
  return (
    <>
      <Handle type="target" id="top" position={Position.Top} isConnectable={false} />
      <Handle type="source" id="bottom" position={Position.Bottom} isConnectable={false} />
      <Handle type="source" id="publish-bottom" position={Position.Bottom} style={at(30)} isConnectable={false} />
      <Handle type="target" id="consume-bottom" position={Position.Bottom} style={at(70)} isConnectable={false} />
      <Handle type="source" id="publish-top" position={Position.Top} style={at(30)} isConnectable={false} />
      <Handle type="target" id="consume-top" position={Position.Top} style={at(70)} isConnectable={false} />
      <Handle type="target" id="left-in" position={Position.Left} isConnectable={false} />
      <Handle type="source" id="left-out" position={Position.Left} isConnectable={false} />
      <Handle type="target" id="right-in" position={Position.Right} isConnectable={false} />
      <Handle type="source" id="right-out" position={Position.Right} isConnectable={false} />
    </>
  );
}

export function QueueHandles() {
  return (
    <>
      <Handle type="target" id="in-top" position={Position.Top} style={at(30)} isConnectable={false} />
      <Handle type="source" id="out-top" position={Position.Top} style={at(70)} isConnectable={false} />
      <Handle type="target" id="in-bottom" position={Position.Bottom} style={at(30)} isConnectable={false} />
      <Handle type="source" id="out-bottom" position={Position.Bottom} style={at(70)} isConnectable={false} />
      <Handle type="source" id="out-left" position={Position.Left} isConnectable={false} />
    </>
  );
}
