/** What the AI agent says in its own words, per language of the team (English where a language has none). */
interface AiReplies {
  source: string;
  notSure: string;
  offerPerson: string;
  offerTicket: string;
  providerFailed: string;
}

const replies: Record<string, AiReplies> = {
  en: {
    source: 'Source',
    notSure: 'I am not sure our articles answer that.',
    offerPerson: 'Would you like to talk to a person? Just ask, or press "talk to a person".',
    offerTicket: 'Nobody from our team can chat right now: ask for a person and we will answer by mail instead.',
    providerFailed: 'Sorry, I cannot answer right now.',
  },
  fr: {
    source: 'Source',
    notSure: 'Je ne suis pas sûr que nos articles répondent à cette question.',
    offerPerson: 'Voulez-vous parler à quelqu’un ? Demandez-le, ou appuyez sur « parler à une personne ».',
    offerTicket: 'Personne de notre équipe ne peut discuter pour le moment : demandez une personne et nous vous répondrons par e-mail.',
    providerFailed: 'Désolé, je ne peux pas répondre pour le moment.',
  },
  it: {
    source: 'Fonte',
    notSure: 'Non sono sicuro che i nostri articoli rispondano a questa domanda.',
    offerPerson: 'Vuoi parlare con una persona? Chiedilo, oppure premi «parla con una persona».',
    offerTicket: 'Nessuno del nostro team può chattare ora: chiedi una persona e ti risponderemo via email.',
    providerFailed: 'Mi dispiace, ora non posso rispondere.',
  },
  de: {
    source: 'Quelle',
    notSure: 'Ich bin nicht sicher, ob unsere Artikel das beantworten.',
    offerPerson: 'Möchten Sie mit einer Person sprechen? Fragen Sie einfach oder drücken Sie „mit einer Person sprechen“.',
    offerTicket: 'Gerade kann niemand aus unserem Team chatten: Fragen Sie nach einer Person, dann antworten wir per E-Mail.',
    providerFailed: 'Entschuldigung, ich kann gerade nicht antworten.',
  },
  es: {
    source: 'Fuente',
    notSure: 'No estoy seguro de que nuestros artículos respondan a eso.',
    offerPerson: '¿Quiere hablar con una persona? Pídalo o pulse «hablar con una persona».',
    offerTicket: 'Ahora nadie de nuestro equipo puede chatear: pida una persona y le responderemos por correo.',
    providerFailed: 'Lo siento, ahora no puedo responder.',
  },
};

export function aiRepliesIn(language: string | null): AiReplies {
  return replies[language ?? 'en'] ?? replies.en!;
}

/** "Not sure" with the way on that exists now: a person when one can take the chat, else the ticket path. */
export function notSureReply(language: string | null, personReachable: boolean): string {
  const words = aiRepliesIn(language);
  return `${words.notSure} ${personReachable ? words.offerPerson : words.offerTicket}`;
}
