import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LogDemuxer, muxFrame } from './log-demux.js';

describe('LogDemuxer', () => {
  test('splits multiplexed frames into lines per stream, whatever the chunking', () => {
    const bytes = Buffer.concat([
      muxFrame('stdout', '2026-11-22T04:33:15.057412545Z out one\n'),
      muxFrame('stderr', '2026-11-22T04:33:15.100000000Z err one\n'),
      muxFrame('stdout', '2026-11-22T04:33:16.000000000Z out two\n'),
    ]);
    const expected = [
      { stream: 'stdout', line: 'out one', timestamp: Date.parse('2026-11-22T04:33:15.057Z') },
      { stream: 'stderr', line: 'err one', timestamp: Date.parse('2026-11-22T04:33:15.100Z') },
      { stream: 'stdout', line: 'out two', timestamp: Date.parse('2026-11-22T04:33:16.000Z') },
    ];
    for (const size of [1, 3, 7, 8, 9, 50, bytes.length]) {
      const d = new LogDemuxer({ multiplexed: true, timestamps: true });
      const got = [];
      for (let i = 0; i < bytes.length; i += size) got.push(...d.push(bytes.subarray(i, i + size)));
      got.push(...d.end());
      assert.deepEqual(got, expected, `chunk size ${size}`);
    }
  });

  test('a line split over frames, several lines in one frame, CRLF, and an unterminated last line', () => {
    const d = new LogDemuxer({ multiplexed: true, timestamps: false });
    const got = [
      ...d.push(muxFrame('stdout', 'hel')),
      ...d.push(muxFrame('stdout', 'lo\r\nworld\nlast')),
      ...d.push(muxFrame('stderr', 'e1\n')),
    ];
    assert.deepEqual(
      got.map((l) => [l.stream, l.line]),
      [
        ['stdout', 'hello'],
        ['stdout', 'world'],
        ['stderr', 'e1'],
      ],
    );
    assert.deepEqual(
      d.end().map((l) => [l.stream, l.line]),
      [['stdout', 'last']],
    );
  });

  test('multi-byte UTF-8 split across frames stays intact', () => {
    const text = Buffer.from('grüße ✓\n', 'utf8');
    const d = new LogDemuxer({ multiplexed: true, timestamps: false });
    const got = [...d.push(muxFrame('stdout', text.subarray(0, 4))), ...d.push(muxFrame('stdout', text.subarray(4)))];
    assert.deepEqual(
      got.map((l) => l.line),
      ['grüße ✓'],
    );
  });

  test('a long line sent as several timestamped messages becomes one line stamped with its first', () => {
    const d = new LogDemuxer({ multiplexed: true, timestamps: true });
    const got = [
      ...d.push(muxFrame('stdout', '2026-11-22T04:00:00.100000000Z aaaa')),
      ...d.push(muxFrame('stderr', '2026-11-22T04:00:00.150000000Z interleaved\n')),
      ...d.push(muxFrame('stdout', '2026-11-22T04:00:00.200000000Z bbbb')),
      ...d.push(muxFrame('stdout', '2026-11-22T04:00:00.300000000Z cc\n')),
      ...d.push(muxFrame('stdout', '2026-11-22T04:00:01.000000000Z next\n')),
      ...d.push(muxFrame('stdout', '2026-11-22T04:00:02.000000000Z unfinished')),
    ];
    assert.deepEqual(got, [
      { stream: 'stderr', line: 'interleaved', timestamp: Date.parse('2026-11-22T04:00:00.150Z') },
      { stream: 'stdout', line: 'aaaabbbbcc', timestamp: Date.parse('2026-11-22T04:00:00.100Z') },
      { stream: 'stdout', line: 'next', timestamp: Date.parse('2026-11-22T04:00:01Z') },
    ]);
    assert.deepEqual(d.end(), [
      { stream: 'stdout', line: 'unfinished', timestamp: Date.parse('2026-11-22T04:00:02Z') },
    ]);
  });

  test('text that merely starts like a number is not taken for a time', () => {
    const d = new LogDemuxer({ multiplexed: true, timestamps: true });
    const got = d.push(muxFrame('stdout', '1 apple\n'));
    assert.equal(got[0]!.line, '1 apple');
  });

  test('a TTY stream is raw stdout', () => {
    const d = new LogDemuxer({ multiplexed: false, timestamps: true });
    const got = [...d.push(Buffer.from('2026-11-22T04:33:15Z a\n2026-11-22T04:33:16Z b\n'))];
    assert.deepEqual(got, [
      { stream: 'stdout', line: 'a', timestamp: Date.parse('2026-11-22T04:33:15Z') },
      { stream: 'stdout', line: 'b', timestamp: Date.parse('2026-11-22T04:33:16Z') },
    ]);
  });
});
