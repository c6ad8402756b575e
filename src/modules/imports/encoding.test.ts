import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from './encoding.ts';
import { bytesOf, collect } from './fixtures.testing.ts';

const polish = 'Imię;Nazwisko;Miasto\nŚwiętosław;Źdźbło;Łódź\nAgnieszka;Ząbkowska;Świnoujście\n';

describe('detectEncoding', () => {
  it('reads a UTF-8 BOM as UTF-8', () => {
    expect(detectEncoding(iconv.encode(polish, 'utf-8', { addBOM: true }))).toEqual({ encoding: 'utf-8', reason: 'bom' });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(detectEncoding(Buffer.from(polish))).toEqual({ encoding: 'utf-8', reason: 'valid-utf8' });
  });

  it.each(['windows-1250', 'iso-8859-2'] as const)('tells %s apart by the Polish letters that differ', (encoding) => {
    expect(detectEncoding(iconv.encode(polish, encoding))).toEqual({ encoding, reason: 'polish-letters' });
  });

  it('picks Windows-1250 when no letter tells the code pages apart', () => {
    expect(detectEncoding(iconv.encode('Łukasz;Żółć\n', 'windows-1250')).encoding).toBe('windows-1250');
  });
});

describe('decodeText', () => {
  it('decodes a Windows-1250 file chunk by chunk, even with a letter split between chunks', async () => {
    const bytes = iconv.encode(polish, 'windows-1250');
    const sut = await decodeText(bytesOf(...Array.from(bytes, (byte) => Uint8Array.of(byte))));
    expect((await collect(sut.text)).join('')).toBe(polish);
  });

  it('drops the BOM and keeps a UTF-8 character split between chunks', async () => {
    const bytes = iconv.encode(polish, 'utf-8', { addBOM: true });
    const sut = await decodeText(bytesOf(bytes.subarray(0, 7), bytes.subarray(7)));
    expect((await collect(sut.text)).join('')).toBe(polish);
  });

  it('lets a chosen encoding override detection', async () => {
    const sut = await decodeText(bytesOf(iconv.encode(polish, 'iso-8859-2')), 'windows-1250');
    expect(sut.detected).toEqual({ encoding: 'windows-1250', reason: 'chosen' });
    expect((await collect(sut.text)).join('')).not.toBe(polish);
  });
});
