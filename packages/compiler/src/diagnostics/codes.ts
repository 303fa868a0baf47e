/**
 * Every diagnostic code the compiler can report, with its default severity and a one-line title.
 * docs/errors.md documents each one (a test checks that every code appears there).
 */
export const DIAGNOSTIC_CODES = {
  // parse
  PARSE_INVALID: { severity: 'error', title: 'The document does not match the design format' },
  // structure
  NO_INPUT: { severity: 'error', title: 'The design has no input node' },
  MULTIPLE_INPUTS: { severity: 'error', title: 'The design has more than one input node' },
  NO_OUTPUT: { severity: 'error', title: 'The design has no output node' },
  DUPLICATE_NODE_ID: { severity: 'error', title: 'Two nodes share an id' },
  DUPLICATE_EDGE_ID: { severity: 'error', title: 'Two edges share an id' },
  EDGE_UNKNOWN_NODE: { severity: 'error', title: 'An edge refers to a node that does not exist' },
  EDGE_UNKNOWN_PORT: {
    severity: 'error',
    title: 'An edge refers to a port the node does not have',
  },
  PORT_MULTIPLY_CONNECTED: {
    severity: 'error',
    title: 'An input port has more than one incoming edge',
  },
  PORT_UNCONNECTED: { severity: 'error', title: 'A required input port is not connected' },
  CYCLE: { severity: 'error', title: 'The graph has a cycle' },
  UNREACHABLE_NODE: { severity: 'warning', title: 'A node is not reachable from the input' },
  DANGLING_NODE: { severity: 'warning', title: 'A node output leads to no output node' },
  // limits
  DESIGN_TOO_LARGE: {
    severity: 'error',
    title: 'The design has more nodes or edges than the compiler accepts',
  },
  PARAM_LIMIT: {
    severity: 'error',
    title: 'A size, channel count, kernel or stride is above its limit',
  },
  SCALE_LIMIT: {
    severity: 'error',
    title: 'The total down- or upsampling from the input is above its limit',
  },
  // shapes
  PARAM_DIMS: { severity: 'error', title: 'A per-axis parameter has the wrong number of entries' },
  SHAPE_NON_POSITIVE: { severity: 'error', title: 'A spatial size shrinks to zero or below' },
  SHAPE_MISMATCH: { severity: 'error', title: 'Two tensors that must have the same shape do not' },
  CHANNEL_MISMATCH: { severity: 'error', title: 'Channel counts do not add up' },
  // U-Net checks
  INPUT_SIZE_INVALID: { severity: 'error', title: 'The input size does not fit the network' },
  INPUT_SIZE_RULE: { severity: 'info', title: 'Input sizes this network accepts' },
  ODD_POOL_INPUT: { severity: 'warning', title: 'A pooling layer receives an odd size' },
  SKIP_SIZE_MISMATCH: { severity: 'error', title: 'A skip merges maps of different sizes' },
  SKIP_CROP_NEGATIVE: { severity: 'error', title: 'A crop needs the skip to be at least as large' },
  SKIP_PAD_NEGATIVE: {
    severity: 'error',
    title: 'A pad needs the decoder map to be at most as large',
  },
  LEVEL_PAIRING: { severity: 'warning', title: 'Encoder and decoder levels do not pair up' },
  GROUPNORM_DIVISIBILITY: {
    severity: 'error',
    title: 'GroupNorm groups do not divide the channels',
  },
  AXIS_1D_FORM: { severity: 'error', title: 'A 1D parameter must be written k or (1, k)' },
  SOFTMAX_ONE_CLASS: { severity: 'error', title: 'Softmax over a single channel is constant' },
  LAYER_NORM_TIES_SIZE: {
    severity: 'warning',
    title: 'Layer norm ties the model to one input size',
  },
  LAYER_NORM_OPEN_SIZE: { severity: 'error', title: 'Layer norm needs a fixed input size' },
  DILATION_WITH_STRIDE: { severity: 'error', title: 'Dilation and stride cannot both exceed 1' },
  // cost
  LARGE_ACTIVATIONS: { severity: 'warning', title: 'Activations are too large for the browser' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info'; title: string }>;

/** A diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
