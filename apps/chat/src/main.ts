import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { chatService } from './chat.definition';

main(chatService(process.env));
