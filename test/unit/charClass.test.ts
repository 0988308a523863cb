import * as assert from 'node:assert/strict';
import { CLASS_HEX, CLASS_LABEL, CLASS_LOWER, CLASS_NON_ASCII, CLASS_UPPER, classBits, isHexChar, isLabelChar, isLowerChar, isUpperChar, toLowerAscii } from '../../src/core/scanner/charClass';

describe('scanner: character classes', () => {
  it('classBits answers as isLabelChar, isHexChar, isUpperChar and isLowerChar do, on every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const bits = classBits(c);
      const where = `U+${c.toString(16).padStart(4, '0')}`;
      assert.equal((bits & CLASS_LABEL) !== 0, isLabelChar(c), where);
      assert.equal((bits & CLASS_HEX) !== 0, isHexChar(c), where);
      assert.equal((bits & CLASS_UPPER) !== 0, isUpperChar(c), where);
      assert.equal((bits & CLASS_LOWER) !== 0, isLowerChar(c), where);
      assert.equal((bits & CLASS_NON_ASCII) !== 0, c >= 128, where);
    }
  });

  it('toLowerAscii lower-cases ASCII capitals as toLowerCase does and leaves every other code unit', () => {
    for (let c = 0; c < 128; c++) assert.equal(toLowerAscii(c), String.fromCharCode(c).toLowerCase().charCodeAt(0));
    for (const c of [0xc9, 0x130, 0x212a, 0xff21]) assert.equal(toLowerAscii(c), c);
  });
});
