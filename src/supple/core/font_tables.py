"""The pixels of the block fonts (data only: ``glyphs`` reads them, sets and draws them).

Glyphs side by side, a specimen sheet: a line of characters (quoted when a space or a quote),
then the rows of each, ``#`` a pixel and ``.`` none, glyph by glyph with a space between, all of
one width and the font's height; a blank line between such blocks. The 5×7 font draws capitals
(lower case is set in them); accents come from ``ABOVE`` and ``BELOW``; ``¿ ¡`` are ``? !``
turned round.
"""

from __future__ import annotations

# Digits for small spaces: a countdown in a short terminal.
SMALL = """
0 1 2 3 4 5 6 7 8 9 : ' '
### .#. ### ### #.# ### ### ### ### ### . ..
#.# ##. ..# ..# #.# #.. #.. ..# #.# #.# # ..
#.# .#. ### ### ### ### ### ..# ### ### . ..
#.# .#. #.. ..# ..# ..# #.# ..# #.# ..# # ..
### ### ### ### ..# ### ### ..# ### ### . ..
"""

# Digits, capitals (A-Z and the capital sharp s, ẞ) and the punctuation of cue words.
LARGE = """
0 1 2 3 4 5 6 7
.###. ..#.. .###. .###. ...#. ##### ..##. #####
#...# .##.. #...# #...# ..##. #.... .#... ....#
#...# ..#.. ....# ....# .#.#. ####. #.... ...#.
#...# ..#.. ...#. ..##. #..#. ....# ####. ..#..
#...# ..#.. ..#.. ....# ##### ....# #...# .#...
#...# ..#.. .#... #...# ...#. #...# #...# .#...
.###. .###. ##### .###. ...#. .###. .###. .#...

8 9 : A B C D E
.###. .###. .. .###. ####. .###. ####. #####
#...# #...# ## #...# #...# #...# #...# #....
#...# #...# ## #...# #...# #.... #...# #....
.###. .#### .. ##### ####. #.... #...# ####.
#...# ....# ## #...# #...# #.... #...# #....
#...# ...#. ## #...# #...# #...# #...# #....
.###. .##.. .. #...# ####. .###. ####. #####

F G H I J K L M
##### .###. #...# ### ..### #...# #.... #...#
#.... #...# #...# .#. ...#. #..#. #.... ##.##
#.... #.... #...# .#. ...#. #.#.. #.... #.#.#
####. #.### ##### .#. ...#. ##... #.... #.#.#
#.... #...# #...# .#. ...#. #.#.. #.... #...#
#.... #...# #...# .#. #..#. #..#. #.... #...#
#.... .#### #...# ### .##.. #...# ##### #...#

N O P Q R S T U
#...# .###. ####. .###. ####. .#### ##### #...#
##..# #...# #...# #...# #...# #.... ..#.. #...#
##..# #...# #...# #...# #...# #.... ..#.. #...#
#.#.# #...# ####. #...# ####. .###. ..#.. #...#
#..## #...# #.... #.#.# #.#.. ....# ..#.. #...#
#..## #...# #.... #..#. #..#. ....# ..#.. #...#
#...# .###. #.... .##.# #...# ####. ..#.. .###.

V W X Y Z ẞ ! ?
#...# #...# #...# #...# ##### .###. # .###.
#...# #...# #...# #...# ....# #...# # #...#
#...# #...# .#.#. .#.#. ...#. #..#. # ....#
#...# #.#.# ..#.. ..#.. ..#.. #.##. # ...#.
#...# #.#.# .#.#. ..#.. .#... #...# # ..#..
.#.#. #.#.# #...# ..#.. #.... #...# . .....
..#.. .#.#. #...# ..#.. ##### #.##. # ..#..

. , - — ''' ( ) [ ]
. .. ... ..... # ..# #.. ### ###
. .. ... ..... # .#. .#. #.. ..#
. .. ... ..... . #.. ..# #.. ..#
. .. ### ##### . #.. ..# #.. ..#
. .. ... ..... . #.. ..# #.. ..#
. .# ... ..... . .#. .#. #.. ..#
# #. ... ..... . ..# #.. ### ###

/ ' '
....# ...
...#. ...
...#. ...
..#.. ...
.#... ...
.#... ...
#.... ...
"""

# Accents as combining marks (a letter is split into its base and its marks, so É is E with an
# acute): drawn above a capital over one empty row, centred, bottom-aligned so that a one-row
# mark sits as near the letter as a two-row one; the cedilla hangs from the letter, below it.
# A letter whose marks are not here, or wider than it, is not drawn.
ABOVE: dict[str, tuple[str, ...]] = {
    "\u0301": ("..#", ".#."),  # acute: Á É Í Ó Ú
    "\u0300": ("#..", ".#."),  # grave: À È Ì Ò Ù
    "\u0302": (".#.", "#.#"),  # circumflex: Â Ê Î Ô Û
    "\u0308": ("#.#",),  # diaeresis: Ä Ë Ï Ö Ü Ÿ
    "\u0303": (".##.#", "#..#."),  # tilde: Ñ Ã Õ
    "\u030c": ("#.#", ".#."),  # caron: Š Ž Č (and the pseudo-locale's)
}
BELOW: dict[str, tuple[str, ...]] = {
    "\u0327": (".#.", "##."),  # cedilla: Ç
}
# Drawn as another glyph turned half round (the Spanish opening marks).
TURNED = {"¿": "?", "¡": "!"}
