"""An independent layout fuzzer for the TIPC report reader (`ctip extract`), treated as a black box.

Nothing here reads or imports the reader's own code or vocabulary: the wordings, the layouts and the ground truth
are made up here, so that a report the reader gets right is evidence, not an echo. Every count is SYNTHETIC.
"""
