/**
 * The form that runs a shipped scenario in the dashboard's process: the scenario (its title and
 * description shown), runs, horizon and seed, prefilled with the scenario's own. Started, the page goes
 * to the run's address (`#/run/<id>`); a refusal is shown as the server words it, naming the field.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ScenarioEntryJson } from '../../../src/sdk/dashboard/runsApi.ts';
import { hrefOf } from '../route.ts';
import { type ApiProblem, fetchScenarios, startRun } from '../runsClient.ts';

/** The scenario chosen first: the default one when it is there. */
const FIRST_CHOICE = 'default.yaml';

/** The fields of the form, as typed. */
interface Fields {
  readonly scenario: string;
  readonly runs: string;
  readonly horizon: string;
  readonly seed: string;
}

const defaultsOf = (s: ScenarioEntryJson): Fields => ({
  scenario: s.file,
  runs: String(s.runs),
  horizon: s.horizon,
  seed: String(s.seed),
});

export function RunFormView(props: { readonly api: string }) {
  const [scenarios, setScenarios] = useState<readonly ScenarioEntryJson[] | ApiProblem | undefined>();
  const [fields, setFields] = useState<Fields | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let current = true;
    fetchScenarios(props.api)
      .catch((e: unknown): ApiProblem => ({ field: undefined, message: String(e) }))
      .then((list) => {
        if (!current) return;
        setScenarios(list);
        if (Array.isArray(list)) {
          const first = list.find((s) => s.file === FIRST_CHOICE) ?? list[0];
          if (first !== undefined) setFields(defaultsOf(first));
        }
      });
    return () => {
      current = false;
    };
  }, [props.api]);

  if (scenarios === undefined)
    return (
      <section>
        <h1>Run a scenario</h1>
        <p class="note">Reading the scenarios…</p>
      </section>
    );
  if ('message' in scenarios)
    return (
      <section>
        <h1>Run a scenario</h1>
        <p class="rejection">{scenarios.message}</p>
      </section>
    );
  const chosen = scenarios.find((s) => s.file === fields?.scenario);
  if (fields === undefined || chosen === undefined)
    return (
      <section>
        <h1>Run a scenario</h1>
        <p class="note">The dashboard ships no scenarios.</p>
      </section>
    );

  const set = (key: keyof Fields) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setProblem(undefined);
    if (key !== 'scenario') {
      setFields({ ...fields, [key]: value });
      return;
    }
    const next = scenarios.find((s) => s.file === value);
    if (next !== undefined) setFields(defaultsOf(next));
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    setProblem(undefined);
    // A field left empty takes the scenario's own value.
    const given = (key: 'runs' | 'horizon' | 'seed') => {
      const value = fields[key].trim();
      return value === '' ? {} : { [key]: value };
    };
    const started = await startRun(props.api, {
      scenario: fields.scenario,
      ...given('runs'),
      ...given('horizon'),
      ...given('seed'),
    }).catch((e: unknown): ApiProblem => ({ field: undefined, message: String(e) }));
    setSending(false);
    if ('id' in started)
      window.location.hash = hrefOf({ view: 'run', id: started.id, folder: undefined, series: undefined });
    else setProblem(started);
  };
  const invalid = (field: keyof Fields) =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'run-problem' } : {};

  return (
    <section>
      <h1>Run a scenario</h1>
      <form class="run-form" onSubmit={submit} data-testid="run-form">
        <label for="run-scenario">Scenario</label>
        <select id="run-scenario" value={fields.scenario} onChange={set('scenario')} {...invalid('scenario')}>
          {scenarios.map((s) => (
            <option key={s.file} value={s.file}>
              {s.file}
            </option>
          ))}
        </select>
        <div class="run-about" data-testid="run-about">
          {/* New nodes per scenario: text of another length moving inside the box would count as a shift. */}
          <div key={chosen.file}>
            <strong>{chosen.title}</strong>
            {chosen.variants.length > 0 && (
              <span class="note"> · a comparison of {chosen.variants.join(', ')}</span>
            )}
            <p class="note">{chosen.description}</p>
          </div>
        </div>
        <label for="run-runs">Runs</label>
        <input
          id="run-runs"
          inputMode="numeric"
          value={fields.runs}
          onInput={set('runs')}
          {...invalid('runs')}
        />
        <label for="run-horizon">Horizon</label>
        <input
          id="run-horizon"
          value={fields.horizon}
          onInput={set('horizon')}
          placeholder="e.g. 30d, 26w, 2y"
          {...invalid('horizon')}
        />
        <label for="run-seed">Seed</label>
        <input
          id="run-seed"
          inputMode="numeric"
          value={fields.seed}
          onInput={set('seed')}
          {...invalid('seed')}
        />
        <div class="run-submit">
          <button type="submit" disabled={sending}>
            Run
          </button>
          <span id="run-problem" class="rejection" role="alert" data-testid="run-problem">
            {problem?.message ?? ''}
          </span>
        </div>
      </form>
    </section>
  );
}
