/** Scripted units for tests that run the real PDD: a correct calculator, a greeter, and code that stays broken. */
import type { UnitScript } from './llm-server.js'

/** A correct calculator module. */
export const CALC = 'def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n'
/** Its example program. */
export const EXAMPLE = [
  'import sys',
  'from pathlib import Path',
  '',
  'sys.path.insert(0, str(Path(__file__).resolve().parents[1]))',
  'from calc import add, sub',
  '',
  'print(add(1, 2), sub(3, 1))',
  ''
].join('\n')
/** Its unit tests. */
export const TESTS = [
  'from calc import add, sub',
  '',
  '',
  'def test_add():',
  '    assert add(1, 2) == 3',
  '',
  '',
  'def test_sub():',
  '    assert sub(3, 1) == 2',
  ''
].join('\n')

/** The calculator with a bug in `add` that its tests catch. */
export const BROKEN = 'def add(a, b):\n    return a - b\n\n\ndef sub(a, b):\n    return a - b\n'

/** A unit PDD syncs in one pass: generate, example, crash check, test. */
export const CALC_UNIT: UnitScript = { code: CALC, example: EXAMPLE, test: TESTS }

/** A second independent unit. */
export const GREET_UNIT: UnitScript = {
  code: 'def greet(name):\n    return f"Hello, {name}!"\n',
  example: EXAMPLE.replace('from calc import add, sub', 'from greet import greet').replace(
    'print(add(1, 2), sub(3, 1))',
    "print(greet('Ada'))"
  ),
  test: "from greet import greet\n\n\ndef test_greet():\n    assert greet('Ada') == 'Hello, Ada!'\n"
}

/** The greeter with a bug no fix attempt repairs: PDD ends with "Overall status: Failed". */
export const BROKEN_GREET_UNIT: UnitScript = {
  ...GREET_UNIT,
  code: 'def greet(name):\n    return f"Bye, {name}!"\n'
}

/** Prompt files of the units above. */
export const PROMPTS = {
  calc: { 'prompts/calc_python.prompt': 'Write a Python module calc with add(a, b) and sub(a, b).\n' },
  greet: {
    'prompts/greet_python.prompt': 'Write a Python module greet with greet(name) returning a greeting.\n'
  }
}
