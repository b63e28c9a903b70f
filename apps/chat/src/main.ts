import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { chatServiceDefinition } from './chat.definition';

main(chatServiceDefinition(process.env));
