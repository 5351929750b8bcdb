/**
 * First run: asks for a display name and offers a colour. The member id is created when
 * the profile is saved and kept locally (identity.ts); the name and colour are what
 * teammates see beside this person's highlights and notes. Tab stays inside the card
 * (ui/use-focus-trap.ts) until it is done.
 */
import { useState, type FormEvent } from 'react';
import { MEMBER_COLOUR_NAMES, MEMBER_COLOURS } from '../store/identity.ts';

/** Props of {@link FirstRun}. */
export interface FirstRunProps {
  onDone(profile: { name: string; colour: string }): void;
}

/** The first-run dialog. */
export function FirstRun({ onDone }: FirstRunProps) {
  const [name, setName] = useState('');
  const [colour, setColour] = useState<string>(MEMBER_COLOURS[0]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '') onDone({ name: name.trim(), colour });
  };
  return (
    <div className="first-run" role="dialog" aria-labelledby="first-run-title">
      <form className="first-run__card" onSubmit={submit}>
        <h2 id="first-run-title">Welcome to Marginalia</h2>
        <p>Choose the name and colour teammates will see beside your highlights and notes. You can read without one; annotating starts once you have chosen.</p>
        <label className="field">
          <span>Display name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={60} data-testid="first-run-name" />
        </label>
        <fieldset className="first-run__colours">
          <legend>Colour</legend>
          {MEMBER_COLOURS.map((candidate, index) => (
            <label key={candidate} className={`colour-choice colour-choice--${index}${candidate === colour ? ' colour-choice--chosen' : ''}`}>
              <input type="radio" name="colour" value={candidate} checked={candidate === colour} onChange={() => setColour(candidate)} />
              <span className="visually-hidden">{MEMBER_COLOUR_NAMES[index]}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={name.trim() === ''}>Start reading</button>
      </form>
    </div>
  );
}
