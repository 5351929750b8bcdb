import { describe, expect, it } from 'vitest';
import type { AgreementCoder } from '#shared/analysis/agreement-codings.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { agreementFileName, formatCount, formatMeasure, pickCoders } from '../../../renderer/analysis/agreement-format.ts';

const coder = (id: string, codedHighlights: number): AgreementCoder => ({ id: id as MemberId, name: id, codedHighlights });
const coders = [coder('ana', 9), coder('babak', 5), coder('cem', 2)];

describe('agreement tab wording', () => {
  it('writes measures to three places and undefined ones as a dash', () => {
    expect(formatMeasure(4 / 9)).toBe('0.444');
    expect(formatMeasure(1)).toBe('1.000');
    // A value that rounds to zero shows no sign: "-0.000" reads as a finding where there is none.
    expect(formatMeasure(-0.0002)).toBe('0.000');
    expect(formatMeasure(-0.0006)).toBe('-0.001');
    expect(formatMeasure(null)).toBe('—');
    expect(formatCount(75200)).toBe('75,200');
    expect(formatCount(null)).toBe('—');
  });

  it('compares the two who coded most until someone is chosen, and keeps A and B apart', () => {
    expect(pickCoders(coders, { a: '', b: '' })).toEqual({ a: 'ana', b: 'babak' });
    expect(pickCoders(coders, { a: 'cem', b: 'babak' })).toEqual({ a: 'cem', b: 'babak' });
    expect(pickCoders(coders, { a: 'babak', b: 'babak' })).toEqual({ a: 'babak', b: 'ana' });
    expect(pickCoders(coders, { a: 'gone', b: 'cem' })).toEqual({ a: 'ana', b: 'cem' });
    expect(pickCoders([coder('ana', 1)], { a: '', b: '' })).toBeNull();
  });

  it('names the saved file after the two people', () => {
    expect(agreementFileName('Ana Əliyeva', 'Bora "B" İnce')).toBe('agreement-Ana-Əliyeva-Bora-B-İnce.csv');
    expect(agreementFileName('', '../..')).toBe('agreement-coder-..-...csv');
  });
});
