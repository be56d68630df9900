/**
 * Live cross-check of discovery against the real PDD: fixture projects are built in temp directories, discovered
 * by our port, and then asked of pdd-cli itself (one Python process for all fixtures) — which prompt
 * `pdd sync <basename>` reaches for each language, what `get_pdd_file_paths` returns for it, which `.pddrc`
 * context `construct_paths` picks and where `_resolve_meta_dir` keeps its state.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { discoverUnits, simulatePddSync, type DiscoverResult } from '../src/discover/discover.js'
import { describeRealPdd } from './helpers/gate.js'
import { pddEnv, requirePddVenv } from './helpers/pdd-venv.js'

interface Fixture {
  name: string
  files: Record<string, string>
  env?: Record<string, string>
  context?: string
  /** Basenames to ask both sides about beyond the discovered ones (e.g. ones that must not work). */
  extra?: string[]
  /** Units the fixture must yield (guards against both sides agreeing on nothing). */
  expectUnits: string[]
  /** Units refused with a problem; PDD's resolver must fail for them too. */
  expectRefused?: string[]
  symlinks?: Record<string, string>
}

const PDDRC_TWO_CONTEXTS = `version: "1.0"
contexts:
  backend:
    paths: ["backend/**", "prompts/backend/**"]
    defaults:
      prompts_dir: prompts/backend
      generate_output_path: backend/src
      test_output_path: backend/tests/
      example_output_path: backend/examples/
      budget: 7.5
  frontend:
    paths: ["frontend/**"]
    defaults:
      prompts_dir: prompts/frontend
      generate_output_path: frontend/src/
      test_output_path: frontend/tests/
  default:
    defaults:
      generate_output_path: ./
      test_output_path: tests/
      example_output_path: examples/
`

const FIXTURES: Fixture[] = [
  {
    name: 'no .pddrc: flat, nested, odd-case suffix, TypeScript, LLM, includes',
    files: {
      'prompts/calc_python.prompt': 'Calc.\n<include>docs/spec.md</include>\n```<missing.txt>```\n',
      'prompts/core/cloud_python.prompt': 'Cloud.\n',
      'prompts/util_Python.prompt': 'Util.\n',
      'prompts/web_typescript.prompt': 'Web.\n',
      'prompts/helper_LLM.prompt': 'Runtime.\n',
      'docs/spec.md': 'spec\n'
    },
    extra: ['core/cloud', 'helper'],
    expectUnits: ['calc_python', 'cloud_python', 'util_python', 'web_typescript']
  },
  {
    name: '.pddrc with two contexts and prompts_dir (incl. nested prompt)',
    files: {
      '.pddrc': PDDRC_TWO_CONTEXTS,
      'prompts/backend/api_python.prompt': 'API.\n',
      'prompts/backend/db/models_python.prompt': 'Models.\n',
      'prompts/frontend/app_typescript.prompt': 'App.\n',
      'prompts/shared_python.prompt': 'Shared.\n',
      'backend/src/.keep': ''
    },
    extra: ['backend/api', 'models'],
    expectUnits: ['api_python', 'app_typescript', 'db/models_python', 'shared_python']
  },
  {
    name: '.pddrc with two contexts and --context backend',
    files: {
      '.pddrc': PDDRC_TWO_CONTEXTS,
      'prompts/backend/api_python.prompt': 'API.\n',
      'prompts/shared_python.prompt': 'S.\n'
    },
    context: 'backend',
    extra: ['shared'],
    expectUnits: ['api_python']
  },
  {
    name: 'outputs templates (flat and nested prompt)',
    files: {
      '.pddrc': `contexts:
  web:
    paths: ["web/**"]
    defaults:
      prompts_dir: prompts/web
      outputs:
        code: {path: "web/src/{category}/{name}.{ext}"}
        test: {path: "web/tests/{dir_prefix}{name_kebab}.test.{ext}"}
  default:
    defaults: {}
`,
      'prompts/web/Button_typescriptreact.prompt': 'Button.\n',
      'prompts/web/forms/text_input_typescriptreact.prompt': 'Input.\n'
    },
    expectUnits: ['Button_typescriptreact', 'forms/text_input_typescriptreact']
  },
  {
    name: 'architecture.json filepath',
    files: {
      'architecture.json': JSON.stringify({
        modules: [
          { filename: 'engine_python.prompt', filepath: 'lib/engine/core.py' },
          { filename: 'render_typescript.prompt', filepath: 'web/render.ts' }
        ]
      }),
      'prompts/engine_python.prompt': 'Engine.\n',
      'prompts/render_typescript.prompt': 'Render.\n',
      'prompts/plain_python.prompt': 'Plain.\n'
    },
    expectUnits: ['engine_python', 'plain_python', 'render_typescript']
  },
  {
    name: 'trailing-slash outputs vs an existing directory, nested basenames',
    files: {
      '.pddrc': `contexts:
  default:
    defaults:
      prompts_dir: prompts
      generate_output_path: src/
      test_output_path: tests
      example_output_path: examples
`,
      'prompts/core/cloud_python.prompt': 'Cloud.\n',
      'prompts/top_python.prompt': 'Top.\n',
      'tests/.keep': ''
    },
    expectUnits: ['core/cloud_python', 'top_python']
  },
  {
    name: 'legacy context/ examples, co-located tests (Python and TypeScript)',
    files: {
      'context/old_example.py': 'x = 1\n',
      'prompts/calc_python.prompt': 'Calc.\n',
      'prompts/widget_typescript.prompt': 'Widget.\n',
      'tests/test_calc.py': 'def test(): pass\n',
      'test_calc_extra.py': 'def test(): pass\n',
      'widget.ts': 'export const w = 1\n',
      'widget.test.ts': 'test\n'
    },
    expectUnits: ['calc_python', 'widget_typescript']
  },
  {
    name: 'PDD_*_OUTPUT_PATH environment',
    files: {
      'prompts/calc_python.prompt': 'Calc.\n',
      'prompts/sub/deep_go.prompt': 'Go.\n',
      'out/.keep': ''
    },
    env: {
      PDD_GENERATE_OUTPUT_PATH: 'out/',
      PDD_TEST_OUTPUT_PATH: 'checks/',
      PDD_EXAMPLE_OUTPUT_PATH: 'demo/'
    },
    extra: ['calc', 'deep'],
    expectUnits: ['prompts/calc_python', 'prompts/sub/deep_go']
  },
  {
    name: 'outputs.prompt.path template context, paths-glob context, file-valued generate_output_path',
    files: {
      '.pddrc': `contexts:
  mods:
    defaults:
      outputs:
        prompt: {path: "specs/{name}_{language}.prompt"}
        code: {path: "mods/{name_snake}.{ext}"}
        example: {path: "mods/examples/{name}_ex.{ext}"}
  tools:
    paths: ["prompts/tools/**", "tools/**"]
    defaults:
      generate_output_path: tools/main.py
  default:
    defaults:
      prompts_dir: prompts
      strength: 0.5
      max_attempts: 2
`,
      'specs/DataLoader_python.prompt': 'Loader.\n',
      'prompts/tools/lint_python.prompt': 'Lint.\n',
      'prompts/plain_python.prompt': 'Plain.\n'
    },
    expectUnits: ['DataLoader_python', 'plain_python', 'tools/lint_python']
  },
  {
    name: 'unsafe and ambiguous inputs are refused like PDD refuses them',
    files: {
      'architecture.json': JSON.stringify([
        { filename: 'dup_python.prompt', filepath: 'a/dup.py' },
        { filename: 'dup_python.prompt', filepath: 'b/dup.py' }
      ]),
      'prompts/dup_python.prompt': 'Dup.\n',
      'prompts/ok_python.prompt': 'Ok.\n',
      'prompts/con_python.prompt': 'Reserved device name.\n'
    },
    expectUnits: ['ok_python'],
    expectRefused: ['con_python', 'dup_python']
  },
  {
    name: 'symlinked output directory leaving the project',
    files: {
      '.pddrc': 'contexts:\n  default:\n    defaults:\n      generate_output_path: gen/\n',
      'prompts/x_python.prompt': 'X.\n'
    },
    symlinks: { gen: '../outside' },
    expectUnits: [],
    expectRefused: ['x_python']
  },
  {
    name: 'JS runner configured (jest in package.json): greenfield co-located test',
    files: {
      'package.json': JSON.stringify({ devDependencies: { jest: '^29.0.0' } }),
      'prompts/button_typescript.prompt': 'Button.\n',
      'prompts/card_typescript.prompt': 'Card.\n',
      'card.ts': 'export {}\n',
      '__tests__/card.test.ts': 'test\n'
    },
    expectUnits: ['button_typescript', 'card_typescript']
  },
  {
    name: 'same leaf in two folders, a CWD-level prompt, non-ASCII names, language aliases',
    files: {
      'prompts/a/x_go.prompt': 'A.\n',
      'prompts/b/x_go.prompt': 'B.\n',
      'top_python.prompt': 'Top.\n',
      'prompts/café_python.prompt': 'Café.\n',
      'prompts/b_c++.prompt': 'C++.\n',
      'prompts/t_tsx.prompt': 'TSX.\n',
      'prompts/Mixed_TypeScriptReact.prompt': 'Mixed.\n'
    },
    expectUnits: [
      'Mixed_typescriptreact',
      'b_c++',
      'café_python',
      'prompts/a/x_go',
      'prompts/b/x_go',
      't_tsx',
      'top_python'
    ]
  },
  {
    name: 'PDD_PROMPTS_DIR with a nested prompt',
    files: { 'specs/calc_python.prompt': 'Calc.\n', 'specs/sub/deep_python.prompt': 'Deep.\n' },
    env: { PDD_PROMPTS_DIR: 'specs' },
    extra: ['deep'],
    expectUnits: ['calc_python', 'sub/deep_python']
  },
  {
    name: 'subproject .pddrc below the CWD, architecture rows with nested prompt names, includes',
    files: {
      '.pddrc': `contexts:
  svc:
    paths: ["svc/**"]
    defaults:
      prompts_dir: svc/prompts
  backend:
    defaults:
      prompts_dir: prompts/backend
      example_output_path: backend/examples
  default:
    defaults: {}
`,
      'svc/.pddrc':
        'contexts:\n  default:\n    defaults:\n      generate_output_path: lib/\n      test_output_path: t/\n',
      'svc/prompts/queue_python.prompt':
        'Queue.\n<include select="x">../docs/q.md</include>\n<include>shared/a.txt</include>\n',
      'svc/docs/q.md': 'q\n',
      'shared/a.txt': 'a\n',
      'architecture.json': JSON.stringify({
        modules: [{ filename: 'backend/api_python.prompt', filepath: 'services/api.py' }]
      }),
      'prompts/backend/api_python.prompt': 'API.\n```<shared/a.txt>```\n<include>shared/a.txt</include>\n'
    },
    expectUnits: ['api_python', 'queue_python']
  },
  {
    // repos6: prompts beside their code, outside every prompt root, reached through construct_paths' CWD glob.
    name: 'prompt files outside every prompt root named by architecture.json (CWD-relative basenames), fixtures, node_modules',
    files: {
      '.pddrc':
        'contexts:\n  default:\n    defaults:\n      generate_output_path: src/\n      test_output_path: tests/\n',
      'architecture.json': JSON.stringify([
        { filename: 'lib/types/shapes_python.prompt', filepath: 'lib/types/shapes.py' },
        { filename: 'integrations/acme/client_python.prompt', filepath: 'integrations/acme/client.py' }
      ]),
      // Reachable as `pdd sync tests/fixtures/sample` too, but not named by architecture.json: not planned.
      'tests/fixtures/sample_python.prompt': 'Fixture.\n',
      'prompts/core_python.prompt': 'Core.\n',
      'lib/types/shapes_python.prompt': 'Shapes.\n<include>context/preamble.prompt</include>\n',
      'integrations/acme/client_python.prompt': 'Client.\n',
      'context/preamble.prompt': 'Be brief.\n',
      'node_modules/pkg/extra_python.prompt': 'Not ours.\n'
    },
    extra: ['shapes', 'types/shapes', 'client', 'tests/fixtures/sample'],
    expectUnits: ['core_python', 'integrations/acme/client_python', 'lib/types/shapes_python']
  },
  {
    name: 'prompts_dir configured: a prompt outside it is not reached by its path',
    files: {
      '.pddrc': 'contexts:\n  default:\n    defaults:\n      prompts_dir: prompts\n',
      'prompts/a_python.prompt': 'A.\n',
      'lib/x_python.prompt': 'X.\n'
    },
    extra: ['lib/x', 'x'],
    expectUnits: ['a_python']
  }
]

const DRIVER = String.raw`
import contextlib, io, json, os, sys
from pathlib import Path
spec = json.load(open(sys.argv[1], encoding="utf-8"))
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    from pdd import sync_main as sm
    from pdd.construct_paths import construct_paths
    from pdd.sync_determine_operation import get_pdd_file_paths
    from pdd.operation_log import _resolve_meta_dir
    from pdd.sync_determine_operation import trusted_hash_root_for_paths, _validated_report_live_includes
base_env = {k: v for k, v in os.environ.items() if not k.startswith("PDD_")}

def rel(p, cwd):
    return os.path.relpath(os.path.abspath(str(p)), cwd).replace(os.sep, "/")

def probe(basename, ctx, cwd):
    sm._validate_basename(basename)
    override = ctx
    found = sm._find_prompt_in_contexts(basename)
    if found:
        prompts_dir = found[1].parent
        override = override or found[0]
    else:
        cfg = construct_paths(input_file_paths={}, force=False, quiet=True, command="sync",
                              command_options={"basename": basename}, context_override=override)[0]
        raw = cfg.get("prompts_dir", "prompts")
        pddrc = sm._find_pddrc_file()
        prompts_dir = pddrc.parent / raw if pddrc and not Path(raw).is_absolute() else Path(raw)
    langs = sm._detect_languages_with_context(basename, prompts_dir, context_name=override)
    out = {"langs": {k: rel(v, cwd) for k, v in langs.items()}, "units": {}}
    for lang, prompt in langs.items():
        try:
            r = get_pdd_file_paths(basename, lang, str(prompt.parent), context_override=override)
            matched = construct_paths(input_file_paths={"prompt_file": str(prompt)}, force=True, quiet=True,
                                      command="sync", command_options={"basename": basename, "language": lang},
                                      context_override=override)[0].get("_matched_context")
            out["units"][lang] = {
                "prompt": rel(r["prompt"], cwd), "code": rel(r["code"], cwd), "example": rel(r["example"], cwd),
                "test": rel(r["test"], cwd) if r.get("test") else "",
                "testFiles": [rel(t, cwd) for t in r.get("test_files") or []],
                "context": matched, "metaDir": rel(_resolve_meta_dir(paths=r), cwd),
            }
            _, live = _validated_report_live_includes(Path(r["prompt"]), trusted_hash_root_for_paths(r))
            by_decl = dict(live or [])
            out["units"][lang]["includes"] = [rel(by_decl[d], cwd) for d in sorted(set(by_decl))]
        except Exception as e:
            out["units"][lang] = {"error": type(e).__name__ + ": " + str(e)}
    return out

results = []
for fx in spec:
    os.environ.clear(); os.environ.update(base_env); os.environ.update(fx["env"])
    os.chdir(fx["dir"])
    cwd = os.getcwd()
    answers = {}
    for b in fx["basenames"]:
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                answers[b] = probe(b, fx["context"], cwd)
        except BaseException as e:
            answers[b] = {"error": type(e).__name__ + ": " + str(e), "langs": {}, "units": {}}
    results.append(answers)
json.dump(results, open(sys.argv[2], "w", encoding="utf-8"))
`

interface PddUnit {
  prompt: string
  code: string
  example: string
  test: string
  testFiles: string[]
  context: string
  metaDir: string
  includes: string[]
  error?: string
}
interface PddAnswer {
  langs: Record<string, string>
  units: Record<string, PddUnit>
  error?: string
}

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pdd-paths-live-')))
const ours: DiscoverResult[] = []
const simulated: Array<Record<string, Record<string, string>>> = []
const theirs: Array<Record<string, PddAnswer>> = []

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describeRealPdd('discovery agrees with the real pdd-cli', () => {
  beforeAll(async () => {
    const spec = []
    for (const [i, fx] of FIXTURES.entries()) {
      const dir = path.join(tmp, `fx${i}`)
      writeTree(dir, fx.files)
      fs.mkdirSync(path.join(tmp, 'outside'), { recursive: true })
      for (const [link, target] of Object.entries(fx.symlinks ?? {}))
        fs.symlinkSync(target, path.join(dir, link))
      const env = fx.env ?? {}
      const result = await discoverUnits({
        repoRoot: dir,
        env,
        ...(fx.context === undefined ? {} : { context: fx.context })
      })
      ours.push(result)
      const refused = (fx.expectRefused ?? []).map(id => id.slice(0, id.lastIndexOf('_')))
      const basenames = [...new Set([...result.units.map(u => u.basename), ...refused, ...(fx.extra ?? [])])]
      simulated.push(
        await simulatePddSync(
          { repoRoot: dir, env, ...(fx.context === undefined ? {} : { context: fx.context }) },
          basenames
        )
      )
      spec.push({ dir, env, context: fx.context ?? null, basenames })
    }
    const driver = path.join(tmp, 'driver.py')
    fs.writeFileSync(driver, DRIVER)
    fs.writeFileSync(path.join(tmp, 'spec.json'), JSON.stringify(spec))
    execFileSync(requirePddVenv().python, [driver, path.join(tmp, 'spec.json'), path.join(tmp, 'out.json')], {
      cwd: tmp, // importing pdd creates litellm_cache.sqlite/ in the working directory
      env: pddEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
      // One Python process; minutes only on a machine loaded far beyond its cores.
      timeout: 300_000
    })
    theirs.push(
      ...(JSON.parse(fs.readFileSync(path.join(tmp, 'out.json'), 'utf8')) as Array<Record<string, PddAnswer>>)
    )
  }, 360_000)

  it.each(FIXTURES.map((fx, i) => [fx.name, i] as const))('%s', (_name, i) => {
    const fx = FIXTURES[i] as Fixture
    const result = ours[i] as DiscoverResult
    const answers = theirs[i] as Record<string, PddAnswer>
    expect(result.problems.flatMap(p => p.units ?? [p.message]).sort()).toEqual(
      [...(fx.expectRefused ?? [])].sort()
    )
    expect(result.units.map(u => u.id).sort()).toEqual([...fx.expectUnits].sort())
    for (const id of fx.expectRefused ?? []) {
      const [basename, lang] = [id.slice(0, id.lastIndexOf('_')), id.slice(id.lastIndexOf('_') + 1)]
      expect({ id, refused: answers[basename]?.units[lang]?.error !== undefined }).toEqual({
        id,
        refused: true
      })
    }
    for (const [basename, langs] of Object.entries(simulated[i] ?? {})) {
      expect({ basename, langs }).toEqual({ basename, langs: answers[basename]?.langs })
    }
    for (const u of result.units) {
      const pdd = answers[u.basename]?.units[u.language]
      expect(pdd?.error).toBeUndefined()
      const mine = {
        prompt: u.paths.prompt,
        code: u.paths.code,
        example: u.paths.example,
        test: u.paths.test
      }
      const want = { prompt: pdd?.prompt, code: pdd?.code, example: pdd?.example, test: pdd?.test }
      const extra = { testFiles: u.testFiles, context: u.context, metaDir: u.metaDir, includes: u.includes }
      expect({ id: u.id, ...mine, ...extra }).toEqual({
        id: u.id,
        ...want,
        includes: pdd?.includes,
        testFiles: pdd?.testFiles,
        // PDD reports no context when construct_paths hit a "Configuration error" and used no settings.
        context: pdd?.context ?? 'default',
        metaDir: pdd?.metaDir
      })
    }
  })
})
