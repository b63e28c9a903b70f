import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { chatService } from './chat.service';

main(chatService(process.env));
