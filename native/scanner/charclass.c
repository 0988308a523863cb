#include "charclass.h"

/*
 * Written out rather than computed: charClass.ts's ASCII table, which test/unit/scannerWasmBase.test.ts compares, and
 * the shadow bytes' classes (classBits of the code units they stand for).
 */
#define L CLASS_LABEL
#define H CLASS_HEX
#define D CLASS_DIGIT
#define U (CLASS_UPPER | CLASS_LOWER_CHANGES)
#define W (CLASS_LOWER | CLASS_UPPER_CHANGES)
#define S CLASS_SCHEME
#define R CLASS_USER
#define N CLASS_NON_ASCII
const uint16_t CHAR_CLASS[256] = {
    ['+'] = S | R,
    ['-'] = L | S | R,
    ['.'] = S | R,
    ['%'] = R,
    ['_'] = L | R,
    ['0'] = L | H | D | S | R, ['1'] = L | H | D | S | R, ['2'] = L | H | D | S | R, ['3'] = L | H | D | S | R,
    ['4'] = L | H | D | S | R, ['5'] = L | H | D | S | R, ['6'] = L | H | D | S | R, ['7'] = L | H | D | S | R,
    ['8'] = L | H | D | S | R, ['9'] = L | H | D | S | R,
#define UP(c) [c] = L | U | S | R
#define UPH(c) [c] = L | H | U | S | R
#define LO(c) [c] = L | W | S | R
#define LOH(c) [c] = L | H | W | S | R
    UPH('A'), UPH('B'), UPH('C'), UPH('D'), UPH('E'), UPH('F'), UP('G'), UP('H'), UP('I'), UP('J'), UP('K'), UP('L'), UP('M'),
    UP('N'), UP('O'), UP('P'), UP('Q'), UP('R'), UP('S'), UP('T'), UP('U'), UP('V'), UP('W'), UP('X'), UP('Y'), UP('Z'),
    LOH('a'), LOH('b'), LOH('c'), LOH('d'), LOH('e'), LOH('f'), LO('g'), LO('h'), LO('i'), LO('j'), LO('k'), LO('l'), LO('m'),
    LO('n'), LO('o'), LO('p'), LO('q'), LO('r'), LO('s'), LO('t'), LO('u'), LO('v'), LO('w'), LO('x'), LO('y'), LO('z'),
    [SHADOW_SPACE_ENDS_URL ... 0xff] = N,
    [SHADOW_LABEL] = L | N,
    [SHADOW_LABEL | SHADOW_LOWER_CHANGES] = L | N | CLASS_LOWER_CHANGES,
    [SHADOW_LABEL | SHADOW_UPPER_CHANGES] = L | N | CLASS_UPPER_CHANGES,
    [SHADOW_LABEL | SHADOW_LOWER_CHANGES | SHADOW_UPPER_CHANGES] = L | N | CLASS_LOWER_CHANGES | CLASS_UPPER_CHANGES,
};

/* For the differential tests: the C's view of one character (-1 included). */
EXPORT(t_classBits) int t_classBits(int c) { return class_bits(c) & 0xff; }
EXPORT(t_endsUrl) int t_endsUrl(int c) { return ends_url(c); }
EXPORT(t_isSpace) int t_isSpace(int c) { return is_space(c); }
EXPORT(t_isQuote) int t_isQuote(int c) { return is_quote(c); }
