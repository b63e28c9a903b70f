import ar from './ar.json';
import cs from './cs.json';
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import it from './it.json';
import ja from './ja.json';
import nl from './nl.json';
import pl from './pl.json';
import pt from './pt.json';
import ru from './ru.json';
import sv from './sv.json';
import tr from './tr.json';
import zh from './zh.json';
import type { HandoffPhrases } from '../handoff-phrases';

/** Every language's handoff phrases, by ISO 639-1 code: a new language is a new JSON file and a line here. */
export const handoffPhrasesByLanguage: Record<string, HandoffPhrases> = { ar, cs, de, en, es, fr, it, ja, nl, pl, pt, ru, sv, tr, zh };
