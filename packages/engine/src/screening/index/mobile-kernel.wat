;; The MobileTable's batch lookup (see mobile-table.ts and mobile-kernel.ts), over the table's own
;; memory: the bucket words from byte 0, then the areas whose byte offsets the caller passes.
;; The JavaScript version of these loops paid a bounds check and a conversion on every typed-array
;; access; here the loads are plain. Assembled by scripts/build-wasm.mjs into mobile-kernel-bytes.ts.
(module
  (memory (import "env" "memory") 1)

  ;; A Feistel round of the mobile mix (mobile-mix.ts feistelRound).
  (func $round (param $value i32) (param $seed i32) (result i32)
    (local $x i32)
    (local.set $x (i32.mul (i32.xor (local.get $value) (local.get $seed)) (i32.const 0x85ebca6b)))
    (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 15))))

  ;; Looks up `count` E.164 values (f64 at $values) into action bits (u8 at $out). Lists at $ranged
  ;; (i32) the indices of values whose block $reached marks, and at $spilled (i32) those whose
  ;; sub-slot may have spilled to the overflow table. Returns ranged + (spilled << 16), or -1 when
  ;; some value is outside the mobile domain ($out is then unfinished).
  ;; $split: xDown, xUp, yDown, xKeep, yKeep, remBits, remMask (i32 each); $work: 3 × count i32.
  (func (export "lookup")
    (param $count i32) (param $values i32) (param $out i32) (param $ranged i32) (param $spilled i32)
    (param $reached i32) (param $live i32) (param $overflowed i32) (param $split i32)
    (param $work i32) (result i32)
    (local $i i32) (local $n i32) (local $s i32) (local $outside i32) (local $touched i32)
    (local $key i64) (local $x i32) (local $y i32) (local $low i32) (local $block i32)
    (local $xDown i32) (local $xUp i32) (local $yDown i32) (local $xKeep i32) (local $yKeep i32)
    (local $remBits i32) (local $remMask i32) (local $shifts i32) (local $rems i32)
    (local $at i32) (local $shift i32) (local $rem i32) (local $header i32) (local $start i32)
    (local $length i32) (local $word i32) (local $miss i32) (local $bits i32) (local $p i32)
    (local $end i32) (local $bucket i32)
    (local.set $xDown (i32.load (local.get $split)))
    (local.set $xUp (i32.load offset=4 (local.get $split)))
    (local.set $yDown (i32.load offset=8 (local.get $split)))
    (local.set $xKeep (i32.load offset=12 (local.get $split)))
    (local.set $yKeep (i32.load offset=16 (local.get $split)))
    (local.set $remBits (i32.load offset=20 (local.get $split)))
    (local.set $remMask (i32.load offset=24 (local.get $split)))
    (local.set $shifts (i32.add (local.get $work) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $rems (i32.add (local.get $shifts) (i32.shl (local.get $count) (i32.const 2))))

    ;; Mix: each value's bucket (byte offset), sub-slot nibble shift and remainder.
    (block $mixed
      (loop $mix
        (br_if $mixed (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $key
          (i64.sub
            (i64.trunc_sat_f64_s (f64.load (i32.add (local.get $values) (i32.shl (local.get $i) (i32.const 3)))))
            (i64.const 8610000000000)))
        (local.set $outside
          (i32.or (local.get $outside) (i64.ge_u (local.get $key) (i64.const 137438953472))))
        (local.set $key (i64.and (local.get $key) (i64.const 137438953471)))
        (local.set $block (i32.wrap_i64 (i64.shr_u (local.get $key) (i64.const 20))))
        (i32.store (i32.add (local.get $ranged) (i32.shl (local.get $n) (i32.const 2))) (local.get $i))
        (local.set $n
          (i32.add (local.get $n)
            (i32.and
              (i32.shr_u
                (i32.load (i32.add (local.get $reached) (i32.shl (i32.shr_u (local.get $block) (i32.const 5)) (i32.const 2))))
                (local.get $block))
              (i32.const 1))))
        (local.set $x (i32.wrap_i64 (i64.shr_u (local.get $key) (i64.const 19))))
        (local.set $y (i32.and (i32.wrap_i64 (local.get $key)) (i32.const 0x7ffff)))
        (local.set $x (i32.and (i32.xor (local.get $x) (call $round (local.get $y) (i32.const 0x5bd1e995))) (i32.const 0x3ffff)))
        (local.set $y (i32.and (i32.xor (local.get $y) (call $round (local.get $x) (i32.const 0x27d4eb2f))) (i32.const 0x7ffff)))
        (local.set $x (i32.and (i32.xor (local.get $x) (call $round (local.get $y) (i32.const 0x165667b1))) (i32.const 0x3ffff)))
        (local.set $low
          (i32.or
            (i32.shl (i32.and (local.get $x) (local.get $xKeep)) (i32.const 19))
            (i32.and (local.get $y) (local.get $yKeep))))
        (i32.store (i32.add (local.get $work) (i32.shl (local.get $i) (i32.const 2)))
          (i32.shl
            (i32.or
              (i32.shl (i32.shr_u (local.get $x) (local.get $xDown)) (local.get $xUp))
              (i32.shr_u (local.get $y) (local.get $yDown)))
            (i32.const 6)))
        (i32.store (i32.add (local.get $shifts) (i32.shl (local.get $i) (i32.const 2)))
          (i32.shl (i32.shr_u (local.get $low) (local.get $remBits)) (i32.const 2)))
        (i32.store (i32.add (local.get $rems) (i32.shl (local.get $i) (i32.const 2)))
          (i32.and (local.get $low) (local.get $remMask)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $mix)))
    (if (local.get $outside) (then (return (i32.const -1))))

    ;; Load every bucket's header first, so that all their cache misses are in flight together.
    (local.set $i (i32.const 0))
    (block $loaded
      (loop $load
        (br_if $loaded (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $touched
          (i32.xor (local.get $touched)
            (i32.load offset=60 (i32.load (i32.add (local.get $work) (i32.shl (local.get $i) (i32.const 2)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $load)))

    ;; Compare: four masked compares in the sub-slot (an index wraps within the bucket's line), a
    ;; loop for the rare longer sub-slot, and a note of keys whose sub-slot may have spilled.
    (local.set $i (i32.const 0))
    (block $compared
      (loop $compare
        (br_if $compared (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $at (i32.load (i32.add (local.get $work) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $shift (i32.load (i32.add (local.get $shifts) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $rem (i32.load (i32.add (local.get $rems) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $header (i32.load offset=60 (local.get $at)))
        (local.set $start (i32.and (i32.shr_u (i32.shl (local.get $header) (i32.const 4)) (local.get $shift)) (i32.const 15)))
        (local.set $length
          (i32.sub (i32.and (i32.shr_u (local.get $header) (local.get $shift)) (i32.const 15)) (local.get $start)))
        ;; entry k of the sub-slot: miss = ((word & remMask) ^ rem) | (k >= length); bits |= live[payload] if !miss
        (local.set $word (i32.load (i32.add (local.get $at) (i32.shl (local.get $start) (i32.const 2)))))
        (local.set $miss
          (i32.or (i32.xor (i32.and (local.get $word) (local.get $remMask)) (local.get $rem))
            (i32.le_s (local.get $length) (i32.const 0))))
        (local.set $bits
          (select (i32.load8_u (i32.add (local.get $live) (i32.shr_u (local.get $word) (local.get $remBits))))
            (i32.const 0) (i32.eqz (local.get $miss))))
        (local.set $word
          (i32.load (i32.add (local.get $at)
            (i32.shl (i32.and (i32.add (local.get $start) (i32.const 1)) (i32.const 15)) (i32.const 2)))))
        (local.set $miss
          (i32.or (i32.xor (i32.and (local.get $word) (local.get $remMask)) (local.get $rem))
            (i32.le_s (local.get $length) (i32.const 1))))
        (local.set $bits
          (i32.or (local.get $bits)
            (select (i32.load8_u (i32.add (local.get $live) (i32.shr_u (local.get $word) (local.get $remBits))))
              (i32.const 0) (i32.eqz (local.get $miss)))))
        (local.set $word
          (i32.load (i32.add (local.get $at)
            (i32.shl (i32.and (i32.add (local.get $start) (i32.const 2)) (i32.const 15)) (i32.const 2)))))
        (local.set $miss
          (i32.or (i32.xor (i32.and (local.get $word) (local.get $remMask)) (local.get $rem))
            (i32.le_s (local.get $length) (i32.const 2))))
        (local.set $bits
          (i32.or (local.get $bits)
            (select (i32.load8_u (i32.add (local.get $live) (i32.shr_u (local.get $word) (local.get $remBits))))
              (i32.const 0) (i32.eqz (local.get $miss)))))
        (local.set $word
          (i32.load (i32.add (local.get $at)
            (i32.shl (i32.and (i32.add (local.get $start) (i32.const 3)) (i32.const 15)) (i32.const 2)))))
        (local.set $miss
          (i32.or (i32.xor (i32.and (local.get $word) (local.get $remMask)) (local.get $rem))
            (i32.le_s (local.get $length) (i32.const 3))))
        (local.set $bits
          (i32.or (local.get $bits)
            (select (i32.load8_u (i32.add (local.get $live) (i32.shr_u (local.get $word) (local.get $remBits))))
              (i32.const 0) (i32.eqz (local.get $miss)))))
        (if (i32.gt_s (local.get $length) (i32.const 4))
          (then
            (local.set $p (i32.add (local.get $start) (i32.const 4)))
            (local.set $end (i32.add (local.get $start) (local.get $length)))
            (block $scanned
              (loop $scan
                (br_if $scanned (i32.ge_u (local.get $p) (local.get $end)))
                (local.set $word (i32.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 2)))))
                (if (i32.eq (i32.and (local.get $word) (local.get $remMask)) (local.get $rem))
                  (then
                    (local.set $bits
                      (i32.or (local.get $bits)
                        (i32.load8_u (i32.add (local.get $live) (i32.shr_u (local.get $word) (local.get $remBits))))))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $scan)))))
        ;; Only a sub-slot that ends at the bucket's last entry (15) can have spilled keys.
        (if (i32.eq (i32.add (local.get $start) (local.get $length)) (i32.const 15))
          (then
            (local.set $bucket (i32.shr_u (local.get $at) (i32.const 6)))
            (if (i32.and
                  (i32.shr_u
                    (i32.load (i32.add (local.get $overflowed) (i32.shl (i32.shr_u (local.get $bucket) (i32.const 5)) (i32.const 2))))
                    (local.get $bucket))
                  (i32.const 1))
              (then
                (i32.store (i32.add (local.get $spilled) (i32.shl (local.get $s) (i32.const 2))) (local.get $i))
                (local.set $s (i32.add (local.get $s) (i32.const 1)))))))
        (i32.store8 (i32.add (local.get $out) (local.get $i)) (local.get $bits))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $compare)))
    ;; Kept so that the header loads are not dropped.
    (i32.store offset=28 (local.get $split) (local.get $touched))
    (i32.or (local.get $n) (i32.shl (local.get $s) (i32.const 16)))))
