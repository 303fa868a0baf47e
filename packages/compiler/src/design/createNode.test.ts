import { describe, expect, it } from 'vitest';
import { basicUnet } from '../../test/unets';
import { LAYER_KINDS, PARAM_SCHEMAS } from '../catalogue/params';
import { createNode, freshId } from './createNode';
import { zNode } from './schema';

describe('createNode and freshId', () => {
  it('creates a valid node of every kind with the default params', () => {
    for (const kind of LAYER_KINDS) {
      const node = createNode(kind, `${kind}1`);
      expect(zNode.parse(node)).toEqual(node);
      expect(node.params).toEqual(PARAM_SCHEMAS[kind].parse({}));
    }
    expect(createNode('pool', 'p', 'Pool 1').name).toBe('Pool 1');
  });

  it('finds the first unused id', () => {
    const design = basicUnet();
    expect(freshId(design, 'enc')).toBe('enc4');
    expect(freshId(design, 'attention')).toBe('attention1');
  });
});
